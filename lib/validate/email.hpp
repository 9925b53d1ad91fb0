// E-mail addresses, after the rule pack's pattern found local@domain.tld. What is left to
// reject are the addresses WhatsApp itself puts into backups and exports: a JID such as
// "4915123456789@s.whatsapp.net" or a group id "...@g.us" is a phone number or a group,
// not somebody's mailbox.
#pragma once

#include <string_view>

namespace waudit::validate {

// `normalized`: upper-cased, with '.' and '-' dropped ("MAXMUSTERMANN@EXAMPLECOM"). True for
// one '@' with a local part and a domain of at least 3 characters that is not WhatsApp's and
// does not end in an image or document extension ("logo@2x.png").
bool email(std::string_view normalized);

}  // namespace waudit::validate
