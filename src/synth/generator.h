#pragma once
// The synthetic local authority: a simulation of the child's journey (contacts, Front Door
// decisions, referrals, assessments, strategy discussions, S47 enquiries, conferences, CIN and
// CP plans, periods of care with placement moves, leaving care, adoption), of households and
// siblings, and of the workforce (teams, workers with turnover, allocations, visits,
// supervision, sickness), calibrated year by year to the published figures of a real council.
// The figures are never written down: they emerge from the records, which is what the
// calibration tests check. Names, identifiers and postcodes are obviously synthetic (surnames
// built from syllables, LA child ids "SYN...", postcodes in the non-existent ZZ area).
//
// Deterministic: the same options and reference figures give the same records in the same
// order.

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "model/record.h"
#include "model/record_set.h"
#include "indicators/reference.h"

namespace sg {

struct GenerateOptions {
  std::string like = "Worcestershire";  // an LA name or code from the reference figures
  int years = 5;                        // reporting years (ending 31 March) to calibrate
  int last_year = 0;  // the last reporting year; 0 = the latest with published referrals
  std::uint64_t seed = 42;
  double scale = 1.0;     // multiplies every flow (0.1 = a tenth of the council's volume)
  int burn_in_years = 6;  // simulated history before the first reporting year
  Date as_of;             // end of the simulation; default 31 March of last_year
  // Puts the LA code in child, staff and household ids and the council's name in team names,
  // so that several councils can be generated into one store.
  bool distinct_ids = false;
};

// Where generated records go. Add returns the id that later records use to refer to it.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual Result<Id> Add(Record record) = 0;
};

// Keeps every record in memory, ids counting from 1 per entity (as a fresh store would).
// Given a list of entities, keeps only those (the others are numbered and dropped).
class MemorySink final : public RecordSink, public RecordSet {
 public:
  MemorySink() = default;
  explicit MemorySink(std::set<std::string, std::less<>> keep) : keep_(std::move(keep)) {}
  Result<Id> Add(Record record) override;
  const std::vector<Record>& Of(std::string_view entity) const override;
  std::int64_t Total() const;

 private:
  std::map<std::string, std::vector<Record>, std::less<>> records_;
  std::set<std::string, std::less<>> keep_;
  std::map<std::string, Id> dropped_;
};

struct GenerationSummary {
  const Area* area = nullptr;
  int first_year = 0;  // first reporting year (ending 31 March)
  int last_year = 0;
  Date start;                                  // first simulated day
  Date end;                                    // last simulated day
  std::map<std::string, std::int64_t> counts;  // records per entity
  std::vector<std::string> notes;  // figures taken from England where the LA's are suppressed
};

Result<GenerationSummary> Generate(const GenerateOptions& options, const ReferenceFigures& figures,
                                   RecordSink& sink);

// The councils `like` stands for: the council itself; for England or a region, every council
// in it that published referrals for the latest year, in LA-code order. Generating England
// council by council keeps memory bounded by the largest council, and each is calibrated to
// its own figures.
Result<std::vector<const Area*>> CouncilsFor(std::string_view like,
                                             const ReferenceFigures& figures);

// The seed of one council in a run of many: derived from the run's seed and the LA code, so
// that a council comes out the same whichever councils are generated with it.
std::uint64_t CouncilSeed(std::uint64_t seed, const Area& council);

}  // namespace sg
