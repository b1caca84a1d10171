#pragma once
// Who may see which child: the legitimate relationship, restricted records and break-glass,
// decided in one place (the server asks before it reads or writes any part of a child's
// record, and filters lists and searches through it).
//
// The rules (docs/security.md says the same for readers):
//   Restricted record (child.restricted)  only the accounts named on it (restricted_access, not
//                                         ended) see it, whatever their role; to everyone else
//                                         it does not exist (not found), and break-glass does
//                                         not open it.
//   Administrator, senior leader,         every other child (their work is across the service).
//   auditor, analyst
//   Social worker                         children allocated to them or to their team now.
//   Team manager                          children allocated to their team now, or to them.
//   Front Door / MASH                     children with a contact received in the last 30 days;
//                                         and a new contact may be recorded for any child.
//   IRO                                   children on a child protection plan or looked after.
//   Any casework role                     children they recorded themselves in the last 30 days.
//   Scrutiny member                       none (figures only).
//   Anyone but a member, for a child      break-glass: with a reason (at least 10 characters),
//   outside the above                     the child opens to them for 8 hours; each is in the
//                                         access log and waits for a manager's review.
//
// Thread-safety: safe to share; each call reads the store afresh.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/date.h"
#include "storage/store.h"

namespace sg {

inline constexpr std::int64_t kBreakGlassSeconds = std::int64_t{8} * 3600;
inline constexpr int kFrontDoorDays = 30;

class AccessPolicy {
 public:
  // REQUIRES: store and clock outlive the policy.
  AccessPolicy(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // OK when `user` may see child `child`; kNotFound for a restricted child they are not named
  // on (and for a child that does not exist); kPermissionDenied, saying break-glass is possible,
  // for a child outside their relationship.
  Status CheckChild(const User& user, Id child);

  // Recording a contact (the Front Door's work): any child that is not restricted, or is and
  // names the user.
  Status CheckNewContact(const User& user, Id child);

  // The children of `children` the user may see (in the order given).
  Result<std::vector<Id>> Visible(const User& user, const std::vector<Id>& children) {
    return Filter(user, children, false);
  }
  // The children of `children` the user may find by search: those they may see, and for the
  // Front Door (who match every contact to a child) every child not restricted.
  Result<std::vector<Id>> Findable(const User& user, const std::vector<Id>& children) {
    return Filter(user, children, user.role == "FRONT_DOOR");
  }

  // Opens `child` to `user` for kBreakGlassSeconds with `reason`; refused for members, for
  // restricted children and for a reason shorter than 10 characters. Returns the grant.
  Result<Record> BreakGlass(const User& user, Id child, const std::string& reason);

  // True when the role sees every child that is not restricted.
  static bool SeesAll(const User& user);

 private:
  Result<std::vector<Id>> Filter(const User& user, const std::vector<Id>& children,
                                 bool every_unrestricted);
  Result<std::optional<Id>> TeamOf(const User& user);

  Store& store_;
  const Clock& clock_;
};

}  // namespace sg
