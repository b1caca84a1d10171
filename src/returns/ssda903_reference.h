#pragma once
// Reference data for the SSDA903 rules that need more than the return: the Ofsted provider
// list, the postcode directory and the district -> upper-tier LA lookup. Safeguard ships the
// lookup (data/reference/LTLA-UTLA_Apr23_Lookup_England-Wales.csv); the provider list and the
// postcode directory are large, change monthly and are licensed per council, so the user
// supplies them; without them the rules that need them report "not run" and say what to supply.
//
// Provider list: CSV with a header naming at least URN; optional columns PLACE_CODES and
// PROVIDER_CODES (codes separated by ';' or '|': the placement types and PLACE_PROVIDER codes
// the provider may be), REG_END (DD/MM/YYYY or YYYY-MM-DD: registration ended), LA_CODE (the
// E-code of the LA the provider is in), POSTCODE (the provider's postcode).
// Postcode directory: CSV with ONS Postcode Directory column names: pcd (the postcode), laua
// (its district), oseast1m and osnrth1m (OS grid easting and northing, metres).

#include <string>

#include "common/status.h"
#include "returns/ssda903_validate.h"

namespace sg::ssda903 {

// Fills ref.providers from the file at `path`. Errors name the line and column.
Status LoadProviders(const std::string& path, Reference& ref);
// Fills ref.postcodes, and ref.upper_tier from the shipped lookup.
Status LoadPostcodes(const std::string& path, Reference& ref);
// The shipped district -> upper-tier lookup (reads the data file once).
Status LoadUpperTier(Reference& ref);

}  // namespace sg::ssda903
