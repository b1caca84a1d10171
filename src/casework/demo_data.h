#pragma once
// A small, hand-written demo local authority ("Demoshire"): two teams, workers, a dozen
// children at every stage of the journey, and one login per role. Every name and identifier
// is obviously synthetic. It stands in until the synthetic LA generator exists.

#include <string>
#include <vector>

#include "casework/auth.h"
#include "storage/store.h"

namespace sg {

struct DemoLogin {
  std::string username;
  std::string password;
  std::string role;
};

// The password every demo account gets; printed by `make demo`.
inline constexpr const char* kDemoPassword = "safeguard-demo";

// Creates one login per role (password kDemoPassword) in `store`; the social worker's and team
// manager's accounts are linked to the given workers when they are not 0.
Result<std::vector<DemoLogin>> CreateDemoLogins(Store& store, const Clock& clock,
                                                const AuthOptions& auth_options, Id social_worker,
                                                Id team_manager);

// Fills an empty, migrated store with the demo LA, all in one transaction. Fails with
// kFailedPrecondition if the store already holds children.
Result<std::vector<DemoLogin>> CreateDemoLa(Store& store, const Clock& clock,
                                            const AuthOptions& auth_options);

}  // namespace sg
