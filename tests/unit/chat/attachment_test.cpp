#include "chat/attachment.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

TEST_SUITE_BEGIN("chat");

namespace {

// The file name found in `body`, or "<none>".
std::string_view name_in(std::string_view body) {
  const auto found = waudit::chat::find_attachment(body, waudit::chat::builtin_markers());
  return found ? found->file_name : std::string_view("<none>");
}

// The end of the reference in `body`, or npos.
std::size_t end_in(std::string_view body) {
  const auto found = waudit::chat::find_attachment(body, waudit::chat::builtin_markers());
  return found ? found->end : std::string_view::npos;
}

}  // namespace

TEST_CASE("chat::find_attachment reads Android references with captions") {
  const std::string_view reference = "IMG-20230415-WA0007.jpg (Datei angehängt)";
  CHECK(name_in(reference) == "IMG-20230415-WA0007.jpg");
  CHECK(end_in(reference) == reference.size());
  CHECK(name_in("IMG-20230415-WA0007.jpg (Datei angehängt)\nSchau mal") ==
        "IMG-20230415-WA0007.jpg");
  CHECK(end_in("IMG-20230415-WA0007.jpg (Datei angehängt)\nSchau mal") == reference.size());
  CHECK(name_in("\u200EPTT-20180129-WA0025.opus (file attached)") == "PTT-20180129-WA0025.opus");
  CHECK(name_in("\u200E\u200EAlex.vcf (file attached)") == "Alex.vcf");
  CHECK(name_in("Foto (1).jpg (Datei angehängt)") == "Foto (1).jpg");
  CHECK(name_in("4f2680f1db95a8454775cc2eefc95bfc.jpg (Datei angehängt)") ==
        "4f2680f1db95a8454775cc2eefc95bfc.jpg");
}

TEST_CASE("chat::find_attachment reads iOS references") {
  const std::string_view german = "\u200E<Anhang: 00000012-PHOTO-2023-04-15-14-03-12.jpg>";
  CHECK(name_in(german) == "00000012-PHOTO-2023-04-15-14-03-12.jpg");
  CHECK(end_in(german) == german.size());
  CHECK(name_in("<attached: 00000035-PHOTO-2022-03-27-21-41-55.jpg>") ==
        "00000035-PHOTO-2022-03-27-21-41-55.jpg");
  CHECK(name_in("< attached: 00000035-PHOTO-2022-03-27-21-41-55.jpg >") ==
        "00000035-PHOTO-2022-03-27-21-41-55.jpg");
  CHECK(name_in("<attached: \u200EPTT-20180129-WA0025.opus>") == "PTT-20180129-WA0025.opus");
  CHECK(name_in("<Attached: x.jpg>\nCaption") == "x.jpg");
}

TEST_CASE("chat::find_attachment reads iOS documents named before the reference") {
  const std::string_view document = "Some file.txt \u200E<attached: 00000046-Some file.txt>";
  CHECK(name_in(document) == "00000046-Some file.txt");
  CHECK(end_in(document) == document.size());
  CHECK(name_in("Resume.pdf \u2022 \u200E2 pages \u200E<attached: 00000047-Resume.pdf>") ==
        "00000047-Resume.pdf");
  CHECK(name_in("2015-08-04-PHOTO-00004762.jpg <\u200Eattached>") ==
        "2015-08-04-PHOTO-00004762.jpg");
}

TEST_CASE("chat::find_attachment reads Android references in every language") {
  CHECK(name_in("IMG-1.jpg (archivo adjunto)") == "IMG-1.jpg");
  CHECK(name_in("IMG-1.jpg (archivo adjuntado)") == "IMG-1.jpg");
  CHECK(name_in("IMG-1.jpg (fichier joint)") == "IMG-1.jpg");
  CHECK(name_in("IMG-1.jpg (file allegato)") == "IMG-1.jpg");
  CHECK(name_in("IMG-1.jpg (arquivo anexado)") == "IMG-1.jpg");
  CHECK(name_in("IMG-1.jpg (ficheiro anexado)") == "IMG-1.jpg");
  CHECK(name_in("IMG-1.jpg (bestand bijgevoegd)") == "IMG-1.jpg");
  CHECK(name_in("IMG-1.jpg (dosya ekli)") == "IMG-1.jpg");
  CHECK(name_in("\u200EAlex.vcf (файл добавлен)") == "Alex.vcf");
  CHECK(name_in("IMG-1.jpg (załączony plik)") == "IMG-1.jpg");
}

TEST_CASE("chat::find_attachment reads iOS references in every language") {
  CHECK(name_in("\u200E<adjunto: 00000012-PHOTO.jpg>") == "00000012-PHOTO.jpg");
  CHECK(name_in("\u200E< pièce jointe : 00000012-PHOTO.jpg >") == "00000012-PHOTO.jpg");
  CHECK(name_in("<pièce jointe\u00A0: 00000012-PHOTO.jpg>") == "00000012-PHOTO.jpg");
  CHECK(name_in("<allegato: 00000012-PHOTO.jpg>") == "00000012-PHOTO.jpg");
  CHECK(name_in("<anexado: 00000012-PHOTO.jpg>") == "00000012-PHOTO.jpg");
  CHECK(name_in("<anexo: 00000012-PHOTO.jpg>") == "00000012-PHOTO.jpg");
  CHECK(name_in("<bijgevoegd: 00000012-PHOTO.jpg>") == "00000012-PHOTO.jpg");
  CHECK(name_in("<прикреплено: 00000012-PHOTO.jpg>") == "00000012-PHOTO.jpg");
  CHECK(name_in("<załączono: 00000012-PHOTO.jpg>") == "00000012-PHOTO.jpg");
}

TEST_CASE("chat::find_attachment reads Turkish iOS references with the name first") {
  const std::string_view photo = "\u200E<00000012-PHOTO-2023-04-15-14-03-12.jpg eklendi>";
  CHECK(name_in(photo) == "00000012-PHOTO-2023-04-15-14-03-12.jpg");
  CHECK(end_in(photo) == photo.size());
  const std::string_view document = "Some file.txt \u200E<00000046-Some file.txt eklendi>\nnot";
  CHECK(name_in(document) == "00000046-Some file.txt");
  CHECK(end_in(document) == document.find('\n'));
  CHECK(name_in("<x.jpg  \u200Eeklendi >") == "x.jpg");
  CHECK(name_in("<eklendi>") == "<none>");
  CHECK(name_in("<x.jpgeklendi>") == "<none>");
  CHECK(name_in("<x.jpg eklendi") == "<none>");
  CHECK(name_in("<a <b.jpg eklendi>") == "b.jpg");
}

TEST_CASE("chat::is_contact_card_file knows vCard names") {
  CHECK(waudit::chat::is_contact_card_file("Alex.vcf"));
  CHECK(waudit::chat::is_contact_card_file("00000042-TR.VCF"));
  CHECK_FALSE(waudit::chat::is_contact_card_file("vcf"));
  CHECK_FALSE(waudit::chat::is_contact_card_file("Alex.vcf.jpg"));
}

TEST_CASE("chat::find_attachment stays linear on a line of many angle brackets") {
  // No timing assertion: a quadratic search would make this test noticeably slow, not fail.
  const std::string line =
      std::string(200000, '<') + "attached" + std::string(100000, '<') + "eklendi>";
  CHECK(name_in(line) == "<none>");
}

TEST_CASE("chat::find_attachment finds nothing in other bodies") {
  CHECK(name_in("") == "<none>");
  CHECK(name_in("Hallo zusammen") == "<none>");
  CHECK(name_in("<Medien ausgeschlossen>") == "<none>");
  CHECK(name_in("Foto (Datei)") == "<none>");
  CHECK(name_in(" (Datei angehängt)") == "<none>");
  CHECK(name_in("IMG.jpg (Datei angehängt) und mehr") == "<none>");
  CHECK(name_in("<attached: >") == "<none>");
  CHECK(name_in("<attached: x.jpg") == "<none>");
  CHECK(name_in("<Anhang>") == "<none>");
  CHECK(name_in("Hallo\nIMG-20230415-WA0007.jpg (Datei angehängt)") == "<none>");
  CHECK(name_in("a < b and attached: c > d") == "<none>");
}

TEST_SUITE_END();
