#include "casework/auth.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace sg {
namespace {

class AuthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::FreshStore("sqlite", dir_, clock_);
    ASSERT_NE(store_, nullptr);
    auth_ = std::make_unique<Auth>(*store_, clock_, FastAuthOptionsForTests());
    User u;
    u.username = "sw";
    u.display_name = "Social Worker";
    u.role = "SOCIAL_WORKER";
    auto created = auth_->CreateUser(u, "correct horse battery");
    ASSERT_TRUE(created.ok()) << created.status().ToString();
  }

  testing::TempDir dir_;
  FixedClock clock_{testing::TestNow()};
  std::unique_ptr<Store> store_;
  std::unique_ptr<Auth> auth_;
};

TEST_F(AuthTest, PasswordsAreStoredAsArgon2idHashes) {
  auto u = store_->FindUserByName("sw");
  ASSERT_TRUE(u.ok());
  ASSERT_TRUE(u->password_hash.has_value());
  EXPECT_EQ(u->password_hash->rfind("$argon2id$", 0), 0u);
  EXPECT_EQ(u->password_hash->find("correct horse"), std::string::npos);
  EXPECT_TRUE(auth_->VerifyPassword(*u->password_hash, "correct horse battery"));
  EXPECT_FALSE(auth_->VerifyPassword(*u->password_hash, "correct horse batterY"));
}

TEST_F(AuthTest, PolicyRefusesShortPasswords) {
  User u;
  u.username = "short";
  u.display_name = "Short";
  u.role = "ANALYST";
  auto r = auth_->CreateUser(u, "tooshort");
  EXPECT_EQ(r.status().field(), "password");
  EXPECT_FALSE(store_->FindUserByName("short").ok());
}

TEST_F(AuthTest, LoginIssuesATokenStoredOnlyAsAHash) {
  auto login = auth_->Login("sw", "correct horse battery");
  ASSERT_TRUE(login.ok()) << login.status().ToString();
  EXPECT_EQ(login->token.size(), 64u);
  EXPECT_FALSE(store_->FindSession(login->token).ok());  // the raw token is not stored
  EXPECT_TRUE(store_->FindSession(Auth::HashToken(login->token)).ok());
  auto who = auth_->Authenticate(login->token);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->username, "sw");
  // Two logins get different tokens.
  EXPECT_NE(auth_->Login("sw", "correct horse battery")->token, login->token);
}

TEST_F(AuthTest, WrongNameAndWrongPasswordLookTheSame) {
  auto a = auth_->Login("sw", "wrong password!!");
  auto b = auth_->Login("nobody", "wrong password!!");
  EXPECT_EQ(a.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(b.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(a.status().message(), b.status().message());
}

TEST_F(AuthTest, SessionsExpireWhenIdleAndAbsolutely) {
  auto login = auth_->Login("sw", "correct horse battery");
  ASSERT_TRUE(login.ok());
  clock_.Advance(29 * 60);
  EXPECT_TRUE(auth_->Authenticate(login->token).ok());  // refreshes the idle timer
  clock_.Advance(29 * 60);
  EXPECT_TRUE(auth_->Authenticate(login->token).ok());
  clock_.Advance(31 * 60);
  EXPECT_EQ(auth_->Authenticate(login->token).status().code(), StatusCode::kUnauthenticated);

  auto again = auth_->Login("sw", "correct horse battery");
  ASSERT_TRUE(again.ok());
  for (int i = 0; i < 25; ++i) {  // active all day: still cut off at 12 hours
    clock_.Advance(29 * 60);
    if (!auth_->Authenticate(again->token).ok()) break;
  }
  EXPECT_FALSE(auth_->Authenticate(again->token).ok());
}

TEST_F(AuthTest, LogoutEndsTheSession) {
  auto login = auth_->Login("sw", "correct horse battery");
  ASSERT_TRUE(login.ok());
  ASSERT_TRUE(auth_->Logout(login->token).ok());
  EXPECT_FALSE(auth_->Authenticate(login->token).ok());
}

TEST(Access, RolesGateRecords) {
  User member;
  member.role = "SCRUTINY_MEMBER";
  User analyst;
  analyst.role = "ANALYST";
  User sw;
  sw.role = "SOCIAL_WORKER";
  User tm;
  tm.role = "TEAM_MANAGER";
  const EntityDesc& child = Entity("child");
  const EntityDesc& worker = Entity("worker");
  EXPECT_EQ(CheckAccess(member, child, Access::kRead).code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(CheckAccess(analyst, child, Access::kRead).ok());
  EXPECT_EQ(CheckAccess(analyst, child, Access::kWrite).code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(CheckAccess(sw, child, Access::kWrite).ok());
  EXPECT_EQ(CheckAccess(sw, worker, Access::kWrite).code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(CheckAccess(tm, worker, Access::kWrite).ok());
}

// Plans and audit templates are read by every role (members scrutinise the plan) and written by
// leaders and the quality roles; auditors write audits of a child's record and nothing else.
TEST(Access, QualityWork) {
  const EntityDesc& plan = Entity("improvement_plan");
  const EntityDesc& templ = Entity("audit_template");
  const EntityDesc& audit = Entity("case_audit");
  const EntityDesc& action = Entity("audit_action");
  const EntityDesc& child = Entity("child");
  auto as = [](const char* role) {
    User u;
    u.role = role;
    return u;
  };
  for (const char* role : {"SOCIAL_WORKER", "TEAM_MANAGER", "FRONT_DOOR", "IRO", "AUDITOR",
                           "ANALYST", "SENIOR_LEADER", "SCRUTINY_MEMBER", "ADMIN"}) {
    EXPECT_TRUE(CheckAccess(as(role), plan, Access::kRead).ok()) << role;
  }
  for (const char* role : {"SENIOR_LEADER", "TEAM_MANAGER", "AUDITOR", "ANALYST", "ADMIN"}) {
    EXPECT_TRUE(CheckAccess(as(role), plan, Access::kWrite).ok()) << role;
    EXPECT_TRUE(CheckAccess(as(role), templ, Access::kWrite).ok()) << role;
  }
  for (const char* role : {"SOCIAL_WORKER", "FRONT_DOOR", "IRO", "SCRUTINY_MEMBER"}) {
    EXPECT_EQ(CheckAccess(as(role), plan, Access::kWrite).code(), StatusCode::kPermissionDenied)
        << role;
  }
  EXPECT_TRUE(CheckAccess(as("AUDITOR"), audit, Access::kWrite).ok());
  EXPECT_TRUE(CheckAccess(as("AUDITOR"), action, Access::kWrite).ok());
  EXPECT_EQ(CheckAccess(as("AUDITOR"), child, Access::kWrite).code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(CheckAccess(as("SCRUTINY_MEMBER"), audit, Access::kRead).code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(CheckAccess(as("ANALYST"), audit, Access::kWrite).code(),
            StatusCode::kPermissionDenied);
}

}  // namespace
}  // namespace sg
