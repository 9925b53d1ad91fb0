// The validators a rule pack can name, in one table sorted by name.
#include "validate/registry.hpp"

#include "validate/bic.hpp"
#include "validate/credential_value.hpp"
#include "validate/date_of_birth.hpp"
#include "validate/de_health_insurance_number.hpp"
#include "validate/de_social_security_number.hpp"
#include "validate/de_tax_id.hpp"
#include "validate/email.hpp"
#include "validate/iban.hpp"
#include "validate/id_document.hpp"
#include "validate/payment_card.hpp"
#include "validate/phone.hpp"
#include "validate/pzn.hpp"

#include <algorithm>
#include <array>

namespace waudit::validate {

namespace {

struct NamedValidator {
  std::string_view name;
  Validator validator = nullptr;
};

constexpr std::array kValidators = {
    NamedValidator{"bic", &bic},
    NamedValidator{"credential-value", &credential_value},
    NamedValidator{"date-of-birth", &date_of_birth},
    NamedValidator{"de-health-insurance-number", &de_health_insurance_number},
    NamedValidator{"de-social-security-number", &de_social_security_number},
    NamedValidator{"de-tax-id", &de_tax_id},
    NamedValidator{"email", &email},
    NamedValidator{"iban", &iban},
    NamedValidator{"id-document", &id_document},
    NamedValidator{"luhn", &luhn},
    NamedValidator{"payment-card", &payment_card},
    NamedValidator{"phone", &phone},
    NamedValidator{"pzn", &pzn},
};

static_assert(std::ranges::is_sorted(kValidators, {}, &NamedValidator::name),
              "validator_names promises a sorted list");

}  // namespace

Validator find_validator(std::string_view name) {
  const auto found = std::ranges::find(kValidators, name, &NamedValidator::name);
  return found == kValidators.end() ? nullptr : found->validator;
}

std::vector<std::string_view> validator_names() {
  std::vector<std::string_view> names;
  names.reserve(kValidators.size());
  for (const auto& entry : kValidators) {
    names.push_back(entry.name);
  }
  return names;
}

}  // namespace waudit::validate
