#include "chat/header.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

TEST_SUITE_BEGIN("chat");

using waudit::chat::DateTimeSeparator;
using waudit::chat::Header;
using waudit::chat::HeaderShape;
using waudit::chat::HeaderTemplate;
using waudit::chat::Layout;
using waudit::chat::parse_header;
using waudit::chat::YearStyle;

namespace {

// The body a header leaves, or "<none>" when the line is no header.
std::string_view body_of(std::string_view line) {
  const auto header = parse_header(line);
  return header ? line.substr(header->body_offset) : std::string_view("<none>");
}

std::string_view author_of(std::string_view line) {
  const auto header = parse_header(line);
  return header ? header->author : std::string_view("<none>");
}

// "hh:mm:ss" of a header, or "<none>".
std::string time_of(std::string_view line) {
  const auto header = parse_header(line);
  if (!header) {
    return "<none>";
  }
  const auto two = [](int value) {
    return std::to_string(value / 10) + std::to_string(value % 10);
  };
  return two(header->time.hour) + ":" + two(header->time.minute) + ":" + two(header->time.second);
}

// "first.second.third" of a header, or "<none>".
std::string date_of(std::string_view line) {
  const auto header = parse_header(line);
  if (!header) {
    return "<none>";
  }
  return std::to_string(header->date.first) + "." + std::to_string(header->date.second) + "." +
         std::to_string(header->date.third);
}

}  // namespace

TEST_CASE("chat::parse_header reads an Android German line") {
  const std::string_view line = "15.04.23, 14:03 - Max Mustermann: Hallo zusammen";
  const auto header = parse_header(line);
  REQUIRE(header);
  CHECK(header->layout == Layout::android);
  CHECK(header->date.first == 15);
  CHECK(header->date.second == 4);
  CHECK(header->date.third == 23);
  CHECK(header->time.hour == 14);
  CHECK(header->time.minute == 3);
  CHECK(header->time.second == 0);
  CHECK(header->has_author);
  CHECK(header->author == "Max Mustermann");
  CHECK(line.substr(header->body_offset) == "Hallo zusammen");
  CHECK(body_of("06.08.2016, 13:23 - Anna: Treffen: 14 Uhr") == "Treffen: 14 Uhr");
  CHECK(date_of("06.08.2016, 13:23 - Anna: x") == "6.8.2016");
}

TEST_CASE("chat::parse_header reads Android English lines in 24 h and 12 h") {
  CHECK(time_of("23/03/2022, 13:31 - Raj: hi") == "13:31:00");
  CHECK(time_of("1/29/18, 12:24 PM - Anna: hi") == "12:24:00");
  CHECK(time_of("1/29/18, 12:24 AM - Anna: hi") == "00:24:00");
  CHECK(time_of("1/29/18, 1:05 PM - Anna: hi") == "13:05:00");
  CHECK(time_of("[1/29/18, 00:04:03 AM] Anna: hi") == "00:04:03");
  CHECK(time_of("1/4/23, 7:02\u202FPM - Anna: hi") == "19:02:00");
  CHECK(time_of("09/10/2023, 11:11\u202Fam - Raj: hi") == "11:11:00");
  CHECK(time_of("09/10/2023, 11:11\u00A0pm - Raj: hi") == "23:11:00");
  CHECK(time_of("2020-09-22, 7:11 a.m. - Raj: hi") == "07:11:00");
  CHECK(author_of("1/4/23, 7:02\u202FPM - Anna Lee: hi") == "Anna Lee");
  CHECK(body_of("1/4/23, 7:02\u202FPM - Anna Lee: hi") == "hi");
}

TEST_CASE("chat::parse_header reads Spanish day periods with inner spaces") {
  CHECK(time_of("20/6/2017 8:28 p. m. - Ana: hola") == "20:28:00");
  CHECK(time_of("20/6/2017 8:28 p.\u00A0m. - Ana: hola") == "20:28:00");
  CHECK(time_of("09/10/22, 10:37 p.\u00A0m. - Ana: hola") == "22:37:00");
  CHECK(time_of("19/08/26 8:26 a. m. - Ana: hola") == "08:26:00");
  CHECK(body_of("20/6/2017 8:28 p. m. - Ana: hola") == "hola");
}

TEST_CASE("chat::parse_header reads German 12 h words after the time") {
  CHECK(time_of("29.01.18, 8:24 vorm. - Anna: hi") == "08:24:00");
  CHECK(time_of("29.01.18, 8:24 nachm. - Anna: hi") == "20:24:00");
  CHECK(time_of("[29.01.18, 7:05:10 morgens] Anna: hi") == "07:05:10");
  CHECK(time_of("[29.01.18, 9:05:10 abends] Anna: hi") == "21:05:10");
  CHECK(time_of("29.01.18, 12:10 vorm. - Anna: hi") == "00:10:00");
}

TEST_CASE("chat::parse_header takes seconds as optional") {
  CHECK(time_of("15.04.23, 14:03:59 - Max: x") == "14:03:59");
  CHECK(time_of("[15.04.23, 14:03] Max: x") == "14:03:00");
  CHECK(time_of("30/08/25 18.00 - Budi: x") == "18:00:00");
  CHECK(time_of("[3/27/22 21.41.35] Budi: x") == "21:41:35");
}

TEST_CASE("chat::parse_header reads Android system lines without author") {
  const std::string_view line =
      "15.04.23, 14:03 - Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.";
  const auto header = parse_header(line);
  REQUIRE(header);
  CHECK_FALSE(header->has_author);
  CHECK(header->author.empty());
  CHECK(line.substr(header->body_offset) ==
        "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.");
  CHECK(body_of("11/01/2023, 16:14 - You added Anna") == "You added Anna");
  CHECK(author_of("11/01/2023, 16:14 - You added Anna") == "");
}

TEST_CASE("chat::parse_header reads an empty body after the author as a user message") {
  CHECK(author_of("03/02/17, 18:42 - Luke: ") == "Luke");
  CHECK(body_of("03/02/17, 18:42 - Luke: ") == "");
  CHECK(author_of("03/02/17, 18:42 - Carol:") == "Carol");
  CHECK(body_of("03/02/17, 18:42 - Carol:") == "");
  CHECK(parse_header("03/02/17, 18:42 - Carol:")->has_author);
}

TEST_CASE("chat::parse_header reads iOS German and English lines") {
  const std::string_view line = "[15.04.23, 14:03:12] Max: Hallo";
  const auto header = parse_header(line);
  REQUIRE(header);
  CHECK(header->layout == Layout::ios);
  CHECK(time_of(line) == "14:03:12");
  CHECK(author_of(line) == "Max");
  CHECK(body_of(line) == "Hallo");
  CHECK(date_of("[14.08.2024, 21:00:10] Gruppe: x") == "14.8.2024");
  CHECK(date_of("[3/27/22, 21:41:35] Elon Musk: x") == "3.27.22");
  CHECK(date_of("[3/27/22 21:41:35] Elon Musk: x") == "3.27.22");
  CHECK(time_of("[1/29/18, 12:24:03 PM] Anna: x") == "12:24:03");
  CHECK(time_of("[1/29/18, 3:34:09\u202FPM] Anna: x") == "15:34:09");
  CHECK(time_of("[31/12/2019, 2:14:40 a.m.] Kim: x") == "02:14:40");
  CHECK(time_of("[05.08.23, 5:52:02 PM] Max: x") == "17:52:02");
  CHECK(date_of("[27-11-18 18:43:20] Jan: x") == "27.11.18");
}

TEST_CASE("chat::parse_header reads older iOS notices without author") {
  const std::string_view line = "[20.06.19, 15:58:47] Loris hat die Gruppe erstellt";
  const auto header = parse_header(line);
  REQUIRE(header);
  CHECK(header->layout == Layout::ios);
  CHECK_FALSE(header->has_author);
  CHECK(body_of(line) == "Loris hat die Gruppe erstellt");
}

TEST_CASE("chat::parse_header reads legacy iOS lines") {
  const std::string_view line = "7/1/16, 5:13:36 PM: Anna: Hi there";
  const auto header = parse_header(line);
  REQUIRE(header);
  CHECK(header->layout == Layout::legacy_ios);
  CHECK(time_of(line) == "17:13:36");
  CHECK(author_of(line) == "Anna");
  CHECK(body_of(line) == "Hi there");
  CHECK(body_of("13/06/15 10:59:59: Name: text") == "text");
  CHECK(date_of("2016-06-27, 8:04:08 AM: Neil: Hi") == "2016.6.27");
  CHECK(author_of("4/26/16, 16:23:03: \u202A+55\u00A061\u202C: text") == "\u202A+55\u00A061\u202C");
  CHECK(author_of("7/1/16, 4:56:55 PM: \u200EAnna created this group") == "");
  CHECK(body_of("7/1/16, 4:56:55 PM: \u200EAnna created this group") ==
        "\u200EAnna created this group");
}

TEST_CASE("chat::parse_header reads year-first dates") {
  CHECK(date_of("2019/02/13, 4:38 am - Raj: x") == "2019.2.13");
  CHECK(time_of("2019/02/13, 4:38 am - Raj: x") == "04:38:00");
  CHECK(date_of("2019/01/01, 11:25 - Raj: x") == "2019.1.1");
  CHECK(date_of("[2019/11/21, 13:58:48] Thabo: x") == "2019.11.21");
  CHECK(date_of("[2023/5/4, 16:17:13] Li: x") == "2023.5.4");
  CHECK(time_of("[2017-09-07, 7:58:30 AM] Li: x") == "07:58:30");
}

TEST_CASE("chat::parse_header reads other date and date-time separators") {
  CHECK(date_of("23-03-2022 13:31 - Jan: x") == "23.3.2022");
  CHECK(date_of("23.03.22 13:31 - Jan: x") == "23.3.22");
  CHECK(date_of("15.04.23,14:03 - Jan: x") == "15.4.23");
  CHECK(date_of("13. 6. 2018. 21:25 - Ana: x") == "13.6.2018");
  CHECK(date_of("[\u200F18\u200F/3\u200F/2022\u060C 14:56:01] Omar: x") == "18.3.2022");
}

TEST_CASE("chat::parse_header skips invisible marks before the header") {
  CHECK(author_of("\uFEFF15.04.23, 14:03 - Max: x") == "Max");
  CHECK(author_of("\u200E[15.04.23, 14:03:12] Max: \u200E<Anhang: a.jpg>") == "Max");
  CHECK(body_of("\u200E[15.04.23, 14:03:12] Max: \u200E<Anhang: a.jpg>") ==
        "\u200E<Anhang: a.jpg>");
  CHECK(author_of("\u200E\u200E[15.04.23, 14:03:12] Max: x") == "Max");
  CHECK(author_of("[\u200F15.04.23, 14:03:12] Max: x") == "Max");
  CHECK(author_of("\u2068\u200F15.04.23, 14:03 - Max: x\u2069") == "Max");
}

TEST_CASE("chat::parse_header rejects lines that are no header") {
  CHECK_FALSE(parse_header(""));
  CHECK_FALSE(parse_header("Hallo zusammen"));
  CHECK_FALSE(parse_header("20:45 bis morgen"));
  CHECK_FALSE(parse_header("15.04.23"));
  CHECK_FALSE(parse_header("15.04.23 bis dann"));
  CHECK_FALSE(parse_header("15.04.23, 14:03 Uhr passt"));
  CHECK_FALSE(parse_header("15.04.23, 14:03: passt"));
  CHECK_FALSE(parse_header("[15.04.23, 14:03:12 Max: x"));
  CHECK_FALSE(parse_header("[15.04.23, 14:03:12]Max: x"));
  CHECK_FALSE(parse_header("123.04.23, 14:03 - Max: x"));
  CHECK_FALSE(parse_header("15.04.2, 14:03 - Max: x"));
  CHECK_FALSE(parse_header("15.04.123, 14:03 - Max: x"));
  CHECK_FALSE(parse_header("15/04.23, 14:03 - Max: x"));
  CHECK_FALSE(parse_header("15.04.23, 14:3 - Max: x"));
  CHECK_FALSE(parse_header("15.04.23, 24:00 - Max: x"));
  CHECK_FALSE(parse_header("15.04.23, 14:60 - Max: x"));
  CHECK_FALSE(parse_header("15.04.23, 24:37 PM - Max: x"));
  CHECK_FALSE(parse_header("15.04.23, 14:03.- Max: x"));
  CHECK_FALSE(parse_header("[15.04.23, 14:03:12.] Max: x"));
  CHECK_FALSE(parse_header("[3/18/X4, 14:56:01] Elon: x"));
  CHECK_FALSE(parse_header("[3/18/R, 14:56:01] Elon: x"));
  CHECK_FALSE(parse_header("[3/18/22 BE, 14:56:01] Elon: x"));
  CHECK_FALSE(parse_header("[14:56:01, 3/18] Elon: x"));
  CHECK_FALSE(parse_header("14:56 - Elon: x"));
  CHECK_FALSE(parse_header("12/07/2017 a 22:35 - Ana: x"));
  CHECK_FALSE(parse_header("01.04.2015 - 16:00:27; ME: text"));
}

TEST_CASE("chat::parse_header takes an hour above 12 with a day period as written") {
  // Only hand-edited files have these; the line is still a message's header.
  CHECK(time_of("1/29/18, 23:59 PM - Bob: x") == "23:59:00");
  CHECK(time_of("[11/10/22 13:37:00 p.m.] John: x") == "13:37:00");
  CHECK(time_of("1/29/18, 13:05 AM - Bob: x") == "13:05:00");
  CHECK(time_of("1/29/18, 12:05 AM - Bob: x") == "00:05:00");
}

TEST_CASE("chat::parse_header reads a dot after the time") {
  CHECK(date_of("2022/12/14, 13:34. - John Doe: x") == "2022.12.14");
  CHECK(time_of("2022/12/14, 13:34. - John Doe: x") == "13:34:00");
  CHECK(body_of("2022/12/14, 13:34. - John Doe: Lorem") == "Lorem");
}

TEST_CASE("chat::parse_header reads the French and Finnish date-time words") {
  CHECK(time_of("12/07/2017 \u00E0 22:35 - Ana: salut") == "22:35:00");
  CHECK(body_of("12/07/2017 \u00E0 22:35 - Ana: salut") == "salut");
  CHECK(date_of("13.6.2018 klo 21.25.15 - Aino: moi") == "13.6.2018");
  CHECK(time_of("13.6.2018 klo 21.25.15 - Aino: moi") == "21:25:15");
  CHECK(parse_header("12/07/2017 \u00E0 22:35 - Ana: x")->shape.date_time_separator ==
        DateTimeSeparator::a);
  CHECK(parse_header("13.6.2018 klo 21.25.15 - Aino: x")->shape.date_time_separator ==
        DateTimeSeparator::klo);
}

TEST_CASE("chat::parse_header reads Arabic-Indic digits and Arabic day periods") {
  const std::string_view line =
      "[\u0661\u0668\u200F/\u0663\u200F/\u0662\u0660\u0662\u0662\u060C "
      "\u0662:\u0665\u0666:\u0660\u0660\u00A0\u0645] Omar: x";
  CHECK(date_of(line) == "18.3.2022");
  CHECK(time_of(line) == "14:56:00");
  CHECK(author_of(line) == "Omar");
  CHECK(parse_header(line)->shape.native_digits);
  CHECK(time_of("[\u0661\u0668/\u0663/\u0662\u0660\u0662\u0662\u060C "
                "\u0669:\u0660\u0660:\u0660\u0660\u00A0\u0635] Omar: x") == "09:00:00");
  // Persian digits work the same way.
  CHECK(date_of("\u06F1\u06F8/\u06F3/\u06F2\u06F2, \u06F1\u06F4:\u06F0\u06F3 - Sara: x") ==
        "18.3.22");
  CHECK_FALSE(parse_header(line.substr(0, 20)));
}

TEST_CASE("chat::parse_header reads Buddhist and Japanese era years") {
  CHECK(date_of("[3/18/2565 BE, 14:56:01] Elon: x") == "3.18.2022");
  CHECK(parse_header("[3/18/2565 BE, 14:56:01] Elon: x")->shape.year == YearStyle::buddhist_era);
  CHECK(date_of("18/3/2565 14:56 - Somchai: x") == "18.3.2022");
  CHECK(date_of("[3/18/R4, 14:56:01] Elon: x") == "3.18.2022");
  CHECK(date_of("[1/12/R5, 02:05:44] Elon: x") == "1.12.2023");
  CHECK(date_of("[4/1/H30, 09:00:00] Elon: x") == "4.1.2018");
  CHECK(parse_header("[3/18/R4, 14:56:01] Elon: x")->shape.year == YearStyle::japanese_era);
}

TEST_CASE("chat::parse_header reads CJK day periods before the hour") {
  CHECK(time_of("2023/5/4 \u4E0B\u53483:12 - \u674E\u660E: x") == "15:12:00");
  CHECK(time_of("[2023/5/4 \u4E0A\u534812:05:09] \u674E\u660E: x") == "00:05:09");
  CHECK(time_of("2023/05/04 \u5348\u5F8C3:12 - \u82B1\u5B50: x") == "15:12:00");
  CHECK(time_of("2023. 5. 4. \uC624\uD6C4 3:12 - \uBBFC\uC218: x") == "15:12:00");
  CHECK(date_of("2023. 5. 4. \uC624\uC804 9:41 - \uBBFC\uC218: x") == "2023.5.4");
  CHECK(author_of("2023/5/4 \u4E0B\u53483:12 - \u674E\u660E: x") == "\u674E\u660E");
  CHECK(parse_header("2023/5/4 \u4E0B\u53483:12 - \u674E\u660E: x")->shape.day_period);
  CHECK_FALSE(parse_header("2023/5/4 \u4E0B\u5348 - \u674E\u660E: x"));
}

TEST_CASE("chat::parse_header reads the time before the date") {
  const std::string_view line = "[14:56:01, 3/18/22] Musk Elon: Xin ch\u00E0o";
  CHECK(date_of(line) == "3.18.22");
  CHECK(time_of(line) == "14:56:01");
  CHECK(author_of(line) == "Musk Elon");
  CHECK(body_of(line) == "Xin ch\u00E0o");
  CHECK(parse_header(line)->shape.time_first);
  CHECK(author_of("\u200E[21:41:55, 3/27/22] Dmitry S: \u200Ex") == "Dmitry S");
  CHECK_FALSE(parse_header("[3/18/22, 14:56:01] x")->shape.time_first);
}

TEST_CASE("chat::parse_header describes the shape of the header") {
  const auto android = parse_header("15.04.23, 14:03 - Max: x")->shape;
  CHECK(android.layout == Layout::android);
  CHECK(android.date_separator == '.');
  CHECK(android.date_time_separator == DateTimeSeparator::comma_space);
  CHECK(android.year == YearStyle::two_digits);
  CHECK_FALSE(android.seconds);
  CHECK_FALSE(android.day_period);
  const auto ios = parse_header("\u200E[1/4/2023 7:02:09\u202FPM] Anna: x")->shape;
  CHECK(ios.layout == Layout::ios);
  CHECK(ios.date_separator == '/');
  CHECK(ios.date_time_separator == DateTimeSeparator::space);
  CHECK(ios.year == YearStyle::four_digits);
  CHECK(ios.seconds);
  CHECK(ios.day_period);
  // Marks before the header and the numbers do not change the shape.
  CHECK(parse_header("\uFEFF16.05.24, 09:59 - Eva: y")->shape == android);
  CHECK_FALSE(parse_header("[15.04.23, 14:03] Max: x")->shape == android);
  CHECK_FALSE(parse_header("15.04.2023, 14:03 - Max: x")->shape == android);
  CHECK_FALSE(parse_header("15.04.23 14:03 - Max: x")->shape == android);
  CHECK_FALSE(parse_header("15/04/23, 14:03 - Max: x")->shape == android);
}

TEST_CASE("chat::HeaderTemplate accepts any shape until one dominates") {
  const HeaderShape android = parse_header("15.04.23, 14:03 - Max: x")->shape;
  const HeaderShape pasted = parse_header("[15.04.23, 14:03:12] Max: x")->shape;
  HeaderTemplate shapes;
  CHECK_FALSE(shapes.dominant());
  CHECK(shapes.accepts(pasted));
  shapes.add(android);
  shapes.add(android);
  CHECK(shapes.accepts(pasted));
  shapes.add(android);
  REQUIRE(shapes.dominant());
  CHECK(*shapes.dominant() == android);
  CHECK(shapes.accepts(android));
  CHECK_FALSE(shapes.accepts(pasted));
}

TEST_CASE("chat::HeaderTemplate has no template for a file of mixed shapes") {
  const HeaderShape a = parse_header("15.04.23, 14:03 - Max: x")->shape;
  const HeaderShape b = parse_header("[15.04.23, 14:03:12] Max: x")->shape;
  HeaderTemplate shapes;
  for (int i = 0; i < 3; ++i) {
    shapes.add(a);
    shapes.add(b);
  }
  CHECK_FALSE(shapes.dominant());
  CHECK(shapes.accepts(a));
  CHECK(shapes.accepts(b));
}

TEST_SUITE_END();
