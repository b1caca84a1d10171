#include "casework/auth.h"

#include <sodium.h>

#include <cstdlib>

namespace sg {
namespace {

std::string ToHex(const unsigned char* data, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}

void InitSodium() {
  static const bool ok = sodium_init() >= 0;
  // libsodium cannot fail to initialise on a working system; without it there is no safe
  // randomness, so stop rather than hand out predictable tokens.
  if (!ok) std::abort();
}

Status Unauthenticated() {
  return Status(StatusCode::kUnauthenticated, "wrong username or password");
}

}  // namespace

AuthOptions FastAuthOptionsForTests() {
  AuthOptions o;
  o.ops_limit = crypto_pwhash_OPSLIMIT_MIN;
  o.mem_limit = crypto_pwhash_MEMLIMIT_MIN;
  return o;
}

Auth::Auth(Store& store, const Clock& clock, AuthOptions options)
    : store_(store), clock_(clock), options_(options) {
  InitSodium();
  if (options_.ops_limit == 0) options_.ops_limit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  if (options_.mem_limit == 0) options_.mem_limit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  unsigned char pw[16];
  randombytes_buf(pw, sizeof pw);
  auto h = HashPassword(ToHex(pw, sizeof pw));
  if (h.ok()) dummy_hash_ = *h;
}

Result<std::string> Auth::HashPassword(const std::string& password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), options_.ops_limit,
                            options_.mem_limit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status(StatusCode::kResourceExhausted, "not enough memory to hash the password");
  }
  return std::string(out);
}

bool Auth::VerifyPassword(const std::string& hash, const std::string& password) const {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

Status Auth::CheckPasswordPolicy(const std::string& password) const {
  if (password.size() < options_.min_password_length) {
    return InvalidArgument(
        "a password needs at least " + std::to_string(options_.min_password_length) + " characters",
        "password");
  }
  if (password.size() > 256)
    return InvalidArgument("a password has at most 256 characters", "password");
  return Status::Ok();
}

Result<User> Auth::CreateUser(User user, const std::string& password) {
  SG_RETURN_IF_ERROR(CheckPasswordPolicy(password));
  SG_ASSIGN_OR_RETURN(user.password_hash, HashPassword(password));
  return store_.CreateUser(std::move(user));
}

std::string Auth::HashToken(const std::string& token) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  return ToHex(digest, sizeof digest);
}

Result<LoginResult> Auth::Login(const std::string& username, const std::string& password) {
  auto user = store_.FindUserByName(username);
  if (!user.ok()) {
    if (user.status().code() != StatusCode::kNotFound) return user.status();
    (void)VerifyPassword(dummy_hash_, password);
    return Unauthenticated();
  }
  if (!user->active || !user->password_hash || !VerifyPassword(*user->password_hash, password)) {
    return Unauthenticated();
  }
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  LoginResult out;
  out.token = ToHex(raw, sizeof raw);
  const Timestamp now = clock_.Now();
  Session s;
  s.token_hash = HashToken(out.token);
  s.user_id = user->id;
  s.created_at = now;
  s.last_seen_at = now;
  s.expires_at = now.AddSeconds(options_.absolute_timeout_seconds);
  SG_RETURN_IF_ERROR(store_.CreateSession(s));
  out.user = std::move(user).value();
  out.expires_at = s.expires_at;
  return out;
}

Result<User> Auth::Authenticate(const std::string& token) {
  if (token.size() != 64) return Status(StatusCode::kUnauthenticated, "not logged in");
  const std::string hash = HashToken(token);
  auto session = store_.FindSession(hash);
  if (!session.ok()) {
    if (session.status().code() == StatusCode::kUnauthenticated) {
      return Status(StatusCode::kUnauthenticated, "not logged in");
    }
    return session.status();
  }
  const Timestamp now = clock_.Now();
  if (now >= session->expires_at ||
      now.unix_seconds() - session->last_seen_at.unix_seconds() > options_.idle_timeout_seconds) {
    (void)store_.DeleteSession(hash);
    return Status(StatusCode::kUnauthenticated, "the session has expired: log in again");
  }
  SG_ASSIGN_OR_RETURN(User user, store_.GetUser(session->user_id));
  if (!user.active) return Status(StatusCode::kUnauthenticated, "the account is disabled");
  // Refresh the idle timer at most once a minute, to keep reads cheap.
  if (now.unix_seconds() - session->last_seen_at.unix_seconds() >= 60) {
    SG_RETURN_IF_ERROR(store_.TouchSession(hash, now));
  }
  return user;
}

Status Auth::Logout(const std::string& token) { return store_.DeleteSession(HashToken(token)); }

}  // namespace sg

namespace sg {

Status CheckAccess(const User& user, const EntityDesc& entity, Access access) {
  const std::string& role = user.role;
  const bool admin = role == "ADMIN";
  if (entity.scope == Scope::kImprovement) {
    // The council's own plans and audit templates: no child in them, so members read them
    // too (scrutinising the improvement plan is their job); leaders and QA staff write them.
    if (access == Access::kRead) return Status::Ok();
    if (admin || role == "SENIOR_LEADER" || role == "TEAM_MANAGER" || role == "AUDITOR" ||
        role == "ANALYST") {
      return Status::Ok();
    }
    return Status(StatusCode::kPermissionDenied,
                  "improvement plans and audit templates are changed by senior leaders, "
                  "managers, auditors and analysts");
  }
  if (role == "SCRUTINY_MEMBER") {
    return Status(StatusCode::kPermissionDenied,
                  "scrutiny members see aggregate figures only, not individual records");
  }
  if (access == Access::kRead) return Status::Ok();
  // Senior leaders review break-glass looks (the server lets a review change nothing else).
  if (role == "SENIOR_LEADER" && entity.name == "break_glass") return Status::Ok();
  // Auditors write the audits of a child's record (grades, moderation, actions), nothing else.
  if (role == "AUDITOR" && (entity.name == "case_audit" || entity.name == "audit_theme_grade" ||
                            entity.name == "audit_action")) {
    return Status::Ok();
  }
  if (entity.scope == Scope::kWorkforce) {
    if (admin || role == "TEAM_MANAGER") return Status::Ok();
    return Status(StatusCode::kPermissionDenied,
                  "only team managers and administrators change workforce records");
  }
  if (admin || role == "SOCIAL_WORKER" || role == "TEAM_MANAGER" || role == "FRONT_DOOR" ||
      role == "IRO") {
    return Status::Ok();
  }
  return Status(StatusCode::kPermissionDenied,
                "your role (" + role + ") may read but not change children's records");
}

}  // namespace sg
