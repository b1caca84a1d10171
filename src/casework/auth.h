#pragma once
// Accounts and sessions: argon2id password hashes (libsodium), opaque random session tokens of
// which only a SHA-256 hash is stored, idle and absolute session expiry. Fine-grained
// permissions, throttling and the audit trail build on this (see the security issue).
//
// Thread-safety: Auth is safe to share between threads once constructed.

#include <cstdint>
#include <string>

#include "common/date.h"
#include "common/status.h"
#include "storage/store.h"

namespace sg {

struct AuthOptions {
  // argon2id cost; defaults are libsodium's "interactive" limits (64 MiB, 2 passes).
  std::uint64_t ops_limit = 0;  // 0 = crypto_pwhash_OPSLIMIT_INTERACTIVE
  std::size_t mem_limit = 0;    // 0 = crypto_pwhash_MEMLIMIT_INTERACTIVE
  std::int64_t idle_timeout_seconds = std::int64_t{30} * 60;
  std::int64_t absolute_timeout_seconds = std::int64_t{12} * 3600;
  std::size_t min_password_length = 12;
};

// The cheapest argon2id cost libsodium allows: for tests only.
AuthOptions FastAuthOptionsForTests();

struct LoginResult {
  std::string token;  // give to the client (cookie); never stored
  User user;
  Timestamp expires_at;
};

class Auth {
 public:
  // REQUIRES: store and clock outlive this object.
  Auth(Store& store, const Clock& clock, AuthOptions options = {});

  // Argon2id hash in libsodium's encoded form ($argon2id$v=19$...).
  Result<std::string> HashPassword(const std::string& password) const;
  bool VerifyPassword(const std::string& hash, const std::string& password) const;
  // Empty when acceptable, else what is wrong with it.
  Status CheckPasswordPolicy(const std::string& password) const;

  // Creates an account with a password (checked against the policy).
  Result<User> CreateUser(User user, const std::string& password);

  // kUnauthenticated with one message for a wrong name or password (no account probing).
  Result<LoginResult> Login(const std::string& username, const std::string& password);
  // The user of a live session; kUnauthenticated when missing, expired or idle too long.
  Result<User> Authenticate(const std::string& token);
  Status Logout(const std::string& token);

  static std::string HashToken(const std::string& token);

 private:
  Store& store_;
  const Clock& clock_;
  AuthOptions options_;
  std::string dummy_hash_;  // verified against when the user does not exist (equal timing)
};

}  // namespace sg

namespace sg {

enum class Access { kRead, kWrite };

// The role gate for records, enforced by the server for every request (one place):
// scrutiny members see aggregates only, never a child's record; casework roles (social worker,
// team manager, Front Door, IRO, administrator) may write the child's record; workforce
// records are written by team managers and administrators; auditors write case audits;
// improvement plans and audit templates are read by every role (members included) and written
// by senior leaders, managers, auditors, analysts and administrators; everyone else reads.
// Allocation-based access ("legitimate relationship") comes with the security issue.
Status CheckAccess(const User& user, const EntityDesc& entity, Access access);

}  // namespace sg
