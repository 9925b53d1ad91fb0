#include "chat/chat_name.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("chat");

using waudit::chat::chat_name_from_file_name;

TEST_CASE("chat::chat_name_from_file_name strips Android prefixes in German and English") {
  CHECK(chat_name_from_file_name("WhatsApp Chat mit Max.txt") == "Max");
  CHECK(chat_name_from_file_name("WhatsApp Chat mit Max Mustermann.zip") == "Max Mustermann");
  CHECK(chat_name_from_file_name("WhatsApp Chat with Family Group.txt") == "Family Group");
  CHECK(chat_name_from_file_name("WhatsApp_Chat_with_Anna.txt") == "Anna");
  CHECK(chat_name_from_file_name("WhatsApp Chat with Anna.TXT") == "Anna");
  CHECK(chat_name_from_file_name("whatsapp chat mit Max.txt") == "Max");
}

TEST_CASE("chat::chat_name_from_file_name strips the iOS zip prefix") {
  CHECK(chat_name_from_file_name("WhatsApp Chat - Team.zip") == "Team");
  CHECK(chat_name_from_file_name("WhatsApp Chat - Elon Musk (RU).zip") == "Elon Musk (RU)");
  CHECK(chat_name_from_file_name("WhatsApp Chat - Team.ZIP") == "Team");
}

TEST_CASE("chat::chat_name_from_file_name knows other languages") {
  CHECK(chat_name_from_file_name("Chat de WhatsApp con Ana.txt") == "Ana");
  CHECK(chat_name_from_file_name("Discussion WhatsApp avec Luc.txt") == "Luc");
  CHECK(chat_name_from_file_name("Conversa do WhatsApp com Bia.txt") == "Bia");
  CHECK(chat_name_from_file_name("WhatsApp-chat met Jan.txt") == "Jan");
  CHECK(chat_name_from_file_name("Chat WhatsApp s\u00A0uživatelem Dmitry S.txt") == "Dmitry S");
  CHECK(chat_name_from_file_name("Чат WhatsApp с\u00A0контактом Иван.txt") == "Иван");
  CHECK(chat_name_from_file_name("Ayşe ile WhatsApp Sohbeti.txt") == "Ayşe");
  CHECK(chat_name_from_file_name("健太とのWhatsAppチャット.txt") == "健太");
}

TEST_CASE("chat::chat_name_from_file_name falls back to the stem") {
  CHECK(chat_name_from_file_name("_chat.txt") == "_chat");
  CHECK(chat_name_from_file_name("export.zip") == "export");
  CHECK(chat_name_from_file_name("notes") == "notes");
  CHECK(chat_name_from_file_name(".txt") == ".txt");
  CHECK(chat_name_from_file_name("WhatsApp Chat mit .txt") == "WhatsApp Chat mit ");
  CHECK(chat_name_from_file_name("chat.txt.bak") == "chat.txt.bak");
}

TEST_SUITE_END();
