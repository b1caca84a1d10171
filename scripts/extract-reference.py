#!/usr/bin/env python3
"""Extracts the published DfE/ONS figures Safeguard ships into data/reference/la_figures.csv.

Usage: scripts/extract-reference.py [REFERENCE_DIR [OUTPUT_CSV]]

REFERENCE_DIR defaults to ../shared/reference relative to the repository root (the directory
holding dfe/ and lait/); OUTPUT_CSV defaults to data/reference/la_figures.csv in the repository.
Python 3 standard library only. The output is deterministic: rows sorted, '\\n' line endings,
UTF-8 without a byte order mark. Every value is the published cell text, unchanged (suppression
markers such as c, x, z, u, k, low and LAIT's '-' are kept as they are). Every measure, its
source and its definition is documented in data/reference/README.md; keep the two in step.

The script is strict: an unexpected header, category, breakdown, year label or value form stops
it with an error rather than producing a silently different file.
"""

import collections
import csv
import os
import re
import sys

HEADER = ["year", "level", "la_code", "new_la_code", "name", "region", "measure", "value"]
LEVELS = {"National": 0, "Regional": 1, "Local authority": 2}

# Cell forms accepted as values. Anything else stops the script.
NUMBER = re.compile(r"-?\d+(\.\d+)?([Ee][-+]?\d+)?")
YEARS_MONTHS = re.compile(r"\d\d:\d\d")  # adoption stage durations, "YY:MM"
DFE_MARKERS = {"c", "x", "z", "u", "k", "low"}
LAIT_MARKERS = {"-"}

GEO_COLUMNS = ["time_period", "time_identifier", "geographic_level", "country_code",
               "country_name", "region_code", "region_name", "old_la_code", "new_la_code",
               "la_name"]


class ExtractError(Exception):
    pass


def fail(message):
    raise ExtractError(message)


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def check_value(value, where, markers, allow_years_months=False):
    if NUMBER.fullmatch(value) or value in markers:
        return
    if allow_years_months and YEARS_MONTHS.fullmatch(value):
        return
    fail(f"{where}: unexpected value {value!r}")


def check_header(path, fieldnames, expected):
    if sorted(fieldnames) != sorted(expected):
        missing = sorted(set(expected) - set(fieldnames))
        extra = sorted(set(fieldnames) - set(expected))
        fail(f"{path}: header changed (missing {missing}, unexpected {extra})")


# ---------------------------------------------------------------------------------------------
# Areas. Every local authority carries one identity (new_la_code, name, region) in every row:
# the one in its latest row of the children-in-need file b1 (DfE's CIN census geography). England
# and the regions carry DfE's names and GSS codes.


class Areas:
    def __init__(self, b1_rows):
        self.la = {}       # la_code -> (year, new_la_code, name, region)
        self.region = {}   # region name -> region code
        self.cin_years = set()  # (year, la_code) with a row in b1: the LA existed that year
        for r in b1_rows:
            level = r["geographic_level"]
            year = int(r["time_period"])
            if level == "Local authority":
                code = r["old_la_code"]
                if not re.fullmatch(r"\d{3}", code):
                    fail(f"b1: bad old_la_code {code!r}")
                self.cin_years.add((year, code))
                current = self.la.get(code)
                if current is None or year > current[0]:
                    self.la[code] = (year, r["new_la_code"], r["la_name"], r["region_name"])
            elif level == "Regional":
                known = self.region.setdefault(r["region_name"], r["region_code"])
                if known != r["region_code"]:
                    fail(f"b1: region {r['region_name']} has two codes")

    def local_authority(self, la_code, where):
        if la_code not in self.la:
            fail(f"{where}: LA code {la_code} is not in the children-in-need (b1) file")
        _, new_code, name, region = self.la[la_code]
        return ("Local authority", la_code, new_code, name, region)

    def regional(self, name, where):
        if name not in self.region:
            fail(f"{where}: unknown region {name!r}")
        return ("Regional", "", self.region[name], name, "")

    @staticmethod
    def national():
        return ("National", "", "E92000001", "England", "")


def dfe_areas(areas, r, where):
    """The areas a DfE row is for. A joint return (old_la_code "314 / 318": Kingston upon Thames
    and Richmond upon Thames, Achieving for Children; "940 / 941": North and West
    Northamptonshire, Northamptonshire Children's Trust) is given to each member LA."""
    level = r["geographic_level"]
    if level == "National":
        if r["country_code"] != "E92000001":
            fail(f"{where}: national row not for England")
        return [areas.national()]
    if level == "Regional":
        area = areas.regional(r["region_name"], where)
        if area[2] != r["region_code"]:
            fail(f"{where}: region {r['region_name']} coded {r['region_code']}")
        return [area]
    if level == "Local authority":
        return [areas.local_authority(code.strip(), where)
                for code in r["old_la_code"].split("/")]
    fail(f"{where}: unknown geographic_level {level!r}")


# ---------------------------------------------------------------------------------------------
# The DfE files: (file, expected extra columns, row filter, {column or filter key: measure}).

DFE_DIR = "dfe"

POPULATION = "ons_mid-year_population_estimates_2012_to_2024.csv"
B1 = "b1_children_in_need_2013_to_2025.csv"
C1 = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
C3 = "c3_factors_identified_at_end_of_assessment_2018_to_2025.csv"
D3 = "d3_cpps_subsequent_plan_2013_to_2025.csv"
D5 = "d5_cpps_at31march_by_duration_2013_to_2025.csv"
CLA = "cla_number_and_rate_per_10k_children.csv"
STABILITY = "la_cla_placement_stability.csv"
ACCOMMODATION = "la_care_leavers_accommodation_suitability.csv"
ACTIVITY = "la_care_leavers_activity.csv"
CSWW = "csww_indicators_2017_to_2025.csv"
ADOPTION = "national_cla_adopted_average_time_between_adoption_process_stages.csv"

# Wide files: one row per area and year, one measure per column.
WIDE = [
    (POPULATION, ("age_group", "Children aged 0 to 17 years"), {
        "population_estimate": "population_0_17",
    }),
    (B1, ("category", "Children in Need"), {
        "Anypoint_episodes": "cin_episodes_in_year",
        "Anypoint_child": "cin_children_in_year",
        "Started_episodes": "cin_started_episodes",
        "Started_child": "cin_started_children",
        "Ended_episodes": "cin_ended_episodes",
        "Ended_child": "cin_ended_children",
        "At31_episodes": "cin_at_31_march",
        "awaiting_assessment": "cin_awaiting_assessment",
    }),
    (C1, ("category", "Referrals and Re-referrals"), {
        "referral_count": "referrals",
        "rereferral_count": "rereferrals",
        "rereferral_percent": "rereferral_pct",
        "no_further_action_count": "referral_nfa",
        "no_further_action_percent": "referral_nfa_pct",
        "not_in_need_count": "assessed_not_in_need",
        "not_in_need_percent": "assessed_not_in_need_pct",
        "referral_child_count": "referral_children",
        "rereferral_child_count": "rereferral_children",
        "rereferral_child_percent": "rereferral_children_pct",
    }),
    (D3, ("category", "Child Protection Plans which are a second or subsequent plan"), {
        "CPP_start": "cpp_started",
        "CPP_subsequent": "cpp_subsequent",
        "CPP_subsequent_percent": "cpp_subsequent_pct",
    }),
    (D5, ("category", "Child Protection Plans by length of time"), {
        "CPP_At31": "cpp_at_31_march",
        "3_months_or_less": "cpp_duration_le_3m",
        "3_months_or_less_percent": "cpp_duration_le_3m_pct",
        "more_than_3_months_6_months": "cpp_duration_3_6m",
        "more_than_3_months_6_months_percent": "cpp_duration_3_6m_pct",
        "more_than_6_months_less_than_1_year": "cpp_duration_6_12m",
        "more_than_6_months_less_than_1_year_percent": "cpp_duration_6_12m_pct",
        "1_year_less_than_2_years": "cpp_duration_1_2y",
        "1_year_less_than_2_years_percent": "cpp_duration_1_2y_pct",
        "2_years_or_more": "cpp_duration_2y_plus",
        "2_years_or_more_percent": "cpp_duration_2y_plus_pct",
    }),
    (C3, ("category", "Factors identified at the end of assessment"), dict(
        [("Episodes_with_assessment_factor", "assessments_with_factors")] +
        [(column, "factor_" + column.lower()) for column in [
            "Alcohol_Misuse_child", "Alcohol_Misuse_parent", "Alcohol_Misuse_person",
            "Drug_Misuse_child", "Drug_Misuse_parent", "Drug_Misuse_person",
            "Domestic_Abuse_child", "Domestic_Abuse_parent", "Domestic_Abuse_person",
            "Mental_Health_child", "Mental_Health_parent", "Mental_Health_person",
            "Learning_Disability_child", "Learning_Disability_parent",
            "Learning_Disability_person", "Physical_Disability_child",
            "Physical_Disability_parent", "Physical_Disability_person", "Young_Carer",
            "Privately_fostered", "Unaccompanied_asylum_seeker", "Going_missing",
            "Child_sexual_exploitation", "Trafficking", "Gangs",
            "Socially_unacceptable_behaviour", "Self_harm", "Neglect", "Emotional_Abuse",
            "Physical_Abuse_unknown", "Physical_Abuse_child_on_child",
            "Physical_Abuse_adult_on_child", "Sexual_Abuse_unknown",
            "Sexual_Abuse_child_on_child", "Sexual_Abuse_adult_on_child",
            "Female_Genital_Mutilation", "Faith_linked_abuse", "Child_criminal_exploitation",
            "Other"]])),
    (CSWW, None, {column: "csww_" + column for column in [
        "inpost_fte", "inpost_headcount", "starters_fte", "starters_headcount", "leavers_fte",
        "leavers_headcount", "turnover_rate_fte", "turnover_rate_headcount", "agency_fte",
        "agency_headcount", "agency_rate_fte", "agency_rate_headcount", "agency_cover_fte",
        "agency_cover_rate_fte", "vacancy_fte", "vacancy_rate_fte",
        "vacancy_agency_cover_rate_fte", "case_holders_fte", "cases", "caseload_fte",
        "working_days_lost_fte", "absence_rate_fte"]}),
]

# Long files: one row per area, year and breakdown; (filter columns) -> {value column: measure}.
CLA_TYPES = {
    "Children looked after on 31 March each year": "cla_at_31_march",
    "Children starting to be looked after each year": "cla_started",
    "Children ceasing to be looked after each year": "cla_ceased",
}

STABILITY_MEASURES = {
    ("CLA on 31 March", "Total children"):
        {"children_count": "cla_on_31_march_total"},
    ("CLA on 31 March", "With 3 or more placements during the year"):
        {"children_count": "cla_3plus_placements", "children_percent": "cla_3plus_placements_pct"},
    ("Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
     "Total children"):
        {"children_count": "cla_stable_2y_denominator"},
    ("Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
     "Living with the same carer for at least 2 years"):
        {"children_count": "cla_long_term_stable", "children_percent": "cla_long_term_stable_pct"},
    ("CLA 2 years on 31 March", "Total children"):
        {"children_count": "cla_2y_group_total"},
    ("CLA 2 years on 31 March", "With 3 or more placements during the previous 2 years"):
        {"children_count": "cla_3plus_placements_2y", "children_percent": "cla_3plus_placements_2y_pct"},
}

CARE_LEAVER_AGES = {"19 to 21 years": "19_21", "17 to 18 years": "17_18"}

ACCOMMODATION_MEASURES = {
    "Suitability total": {"care_leaver_count": "total"},
    "Accommodation considered suitable":
        {"care_leaver_count": "suitable", "care_leaver_percent": "suitable_pct"},
    "Accommodation considered unsuitable":
        {"care_leaver_count": "unsuitable", "care_leaver_percent": "unsuitable_pct"},
    "No information":
        {"care_leaver_count": "accommodation_no_information",
         "care_leaver_percent": "accommodation_no_information_pct"},
}

ACTIVITY_MEASURES = {
    "Total": {"care_leaver_count": "activity_total"},
    "Total in education, employment or training":
        {"care_leaver_count": "eet", "care_leaver_percent": "eet_pct"},
    "Higher education i.e. studies beyond A level":
        {"care_leaver_count": "activity_higher_education"},
    "Education other than higher education":
        {"care_leaver_count": "activity_education_other_than_he"},
    "In training or employment":
        {"care_leaver_count": "activity_training_or_employment"},
    "In an apprenticeship":
        {"care_leaver_count": "activity_apprenticeship"},
    "In training or employment (excl. apprenticeship)":
        {"care_leaver_count": "activity_training_or_employment_excl_apprenticeship"},
    "Total not in education, employment or training":
        {"care_leaver_count": "activity_neet_total"},
    "Not in education, training or employment, owing to illness or disability":
        {"care_leaver_count": "activity_neet_illness_or_disability"},
    "Not in education, training or employment, owing to pregnancy or parenting":
        {"care_leaver_count": "activity_neet_pregnancy_or_parenting"},
    "Not in education, training or employment, owing to other reasons":
        {"care_leaver_count": "activity_neet_other_reasons"},
    "Total information not known":
        {"care_leaver_count": "activity_information_not_known"},
}

ADOPTION_STAGE = re.compile(r"([1-6])\. ")
ADOPTION_WITHIN_12M = ("Children adopted who were placed for adoption within 12 months of the "
                       "LA decision to place the child for adoption")


def slug(text):
    text = text.replace("%", "_pct_").replace("&", "_and_")
    return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").lower()


# ---------------------------------------------------------------------------------------------
# LAIT: the Short Descs extracted (lait_<slug>). The year mapping is in lait_year().

LAIT_MEASURES = [
    # Referrals, assessments, S47, ICPCs
    "CPP_Total_Rateper10,000", "ReReferral", "CIN_Refferals_NFA", "Referrals_AssessedNotNeed",
    "RefBySource_Schl_%", "RefBySource_HealthServ_%", "RefBySource_Police_%",
    "Continue_Assess_Comp", "Section_47", "ISCP_Conf", "CP_conf_15days",
    "10_ICPC", "15_ICPC", "20_ICPC", "21_ICPC",
    # Children in need and child protection plans
    "CIN", "CPP_rate", "CPP_Num", "CPP_Abuse", "CPP_Abuse_Rate", "PrevRegCPR", "DeRegCPR",
    "CPP_31March_3MnthorMore", "CPP_Reviewed_InReqTimeScl", "RevCP", "CPPlans2yrs",
    "CPPlans2yrsActive", "CPRDuration",
    # Children looked after
    "LAC", "LACnum", "LACnum_Start", "LACceased", "Unacc_Asylmn_Seek_Childn",
    "Unacc_Asylmn_Seek_Childn%", "UASC_%_Starting", "LACStable_2016on", "LACDistance",
    "LAC_Foster_Placements", "LAC_SecHome_And_ChildHome", "LAC_Ind_SInd_Liv_Arr",
    "LAC_Other_Res_Settings", "LAC_Other_Place_Inc_Unreg", "LAC_Parents_OR_Others",
    "Children_missing", "Children_Away", "Stability_SocialWorker", "Stability_School",
    "LACHealth%", "LACDental%", "LACVaccinations%", "Emotional_LAC", "LACSubstance",
    "LAC_Convictions",
    # Adoption and special guardianship
    "No_of LAC Adopted", "%_of LAC Adopted", "LACnum_Adopt_AppUnop", "LAC%_Adopt_AppUnop",
    "LACnum_Adopt_ConsentDisp", "LAC%_Adopt_ConsentDisp", "LAC_ceased_SGO", "LAC_ceased_SGO%",
    # Care leavers
    "CareLeaverEET", "CareLeaversNEET", "CareLeaverAcc", "CareLeavers_LA_NotInTouch",
    "StayingPut",
    # Workforce (30 September)
    "Work_Force_NoSW", "Work_Force_Vac_Rate", "Work_Force_TO_Rate", "Work_Force_Agecy_Rate",
    "Work_Force_AgencyCover", "Work_Force_SWAbsence", "Work_Force_Num_CaseHeld",
    "Work_Force_AvgNumCase_SW", "Social_Work_Caseholders_%", "Social_Work_Qualified_no_cases_%",
    "Social_Work_SeniorPractitioner_%",
]

# LAIT "LA Number" of England and the regions -> DfE's names.
LAIT_NATIONAL = "970"
LAIT_REGIONS = {
    "980": "North East", "981": "North West", "982": "Yorkshire and The Humber",
    "983": "East Midlands", "984": "West Midlands", "985": "East of England", "986": "London",
    "987": "Inner London", "988": "Outer London", "989": "South East", "990": "South West",
}

LAIT_YEAR = re.compile(r"(\d{4})")
LAIT_SPAN = re.compile(r"(\d{4})-(\d{2})( \(OT\))?")


def lait_year(label, where):
    """LAIT 'Years' -> the year convention of this file. A plain year "2025" is DfE's
    time_period 2025 (year ending 31 March 2025; workforce: 30 September 2025), checked
    value-for-value against the DfE files; a financial year "2024-25" or "2024-25 (OT)" (outturn)
    is the year ending 31 March 2025, i.e. 2025."""
    if LAIT_YEAR.fullmatch(label):
        return int(label)
    m = LAIT_SPAN.fullmatch(label)
    if m:
        start = int(m.group(1))
        if (start + 1) % 100 != int(m.group(2)):
            fail(f"{where}: bad financial year {label!r}")
        return start + 1
    fail(f"{where}: unexpected Years label {label!r}")


# ---------------------------------------------------------------------------------------------


class Output:
    def __init__(self):
        self.rows = {}  # (year, level, la_code, new_la_code, measure) -> row
        # (source, year, level, la_code, new_la_code) -> keys of its rows, to drop LAs that did
        # not exist
        self.blocks = collections.defaultdict(list)

    def add(self, source, year, area, measure, value):
        level, la_code, new_code, name, region = area
        key = (year, level, la_code, new_code, measure)
        if key in self.rows:
            fail(f"{source}: two values for {key}")
        self.rows[key] = [str(year), level, la_code, new_code, name, region, measure, value]
        self.blocks[(source, year, level, la_code, new_code)].append(key)

    def drop_nonexistent(self, source, marker, existed):
        """Drops an LA's rows for a year from `source` when the LA did not exist that year (it
        has no row in the children-in-need file b1 for the year) and every one of the rows is
        `marker`: DfE's looked-after files list the union of the 2021-2025 LAs in every year, all
        values 'z' where an LA did not exist; LAIT lists all its 170 areas with '-'."""
        dropped = []
        for block_key, keys in self.blocks.items():
            if block_key[0] != source or block_key[2] != "Local authority":
                continue
            if (block_key[1], block_key[3]) in existed:
                continue
            if all(self.rows[k][7] == marker for k in keys):
                for k in keys:
                    del self.rows[k]
                dropped.append(block_key[1:])
        return dropped


def extract_wide(root, out, areas, filename, category, columns):
    path = os.path.join(root, DFE_DIR, filename)
    fieldnames, rows = read_csv(path)
    extra = [category[0]] if category else []
    check_header(filename, fieldnames, GEO_COLUMNS + extra + list(columns))
    for i, r in enumerate(rows, start=2):
        where = f"{filename}:{i}"
        if category and r[category[0]] != category[1]:
            fail(f"{where}: unexpected {category[0]} {r[category[0]]!r}")
        if r["time_identifier"] != "Reporting year":
            fail(f"{where}: unexpected time_identifier {r['time_identifier']!r}")
        year = int(r["time_period"])
        for area in dfe_areas(areas, r, where):
            for column, measure in columns.items():
                check_value(r[column], where, DFE_MARKERS)
                out.add(filename, year, area, measure, r[column])


def extract_long(root, out, areas, filename, columns, filters, measure_for):
    path = os.path.join(root, DFE_DIR, filename)
    fieldnames, rows = read_csv(path)
    check_header(filename, fieldnames, GEO_COLUMNS + list(filters) + list(columns))
    for i, r in enumerate(rows, start=2):
        where = f"{filename}:{i}"
        if r["time_identifier"] != "Reporting year":
            fail(f"{where}: unexpected time_identifier {r['time_identifier']!r}")
        year = int(r["time_period"])
        measures = measure_for(tuple(r[f] for f in filters), where)
        for area in dfe_areas(areas, r, where):
            for column, measure in measures.items():
                check_value(r[column], where, DFE_MARKERS)
                out.add(filename, year, area, measure, r[column])


def cla_measures(key, where):
    (population_type,) = key
    if population_type not in CLA_TYPES:
        fail(f"{where}: unexpected population_type {population_type!r}")
    base = CLA_TYPES[population_type]
    return {"children_count": base, "rate_per_10000": base + "_rate"}


def stability_measures(key, where):
    if key not in STABILITY_MEASURES:
        fail(f"{where}: unexpected cla_group/placement_stability {key!r}")
    return STABILITY_MEASURES[key]


def care_leaver_measures(table):
    def measures(key, where):
        age, breakdown = key
        if age not in CARE_LEAVER_AGES:
            fail(f"{where}: unexpected care_leaver_age {age!r}")
        if breakdown not in table:
            fail(f"{where}: unexpected breakdown {breakdown!r}")
        prefix = "care_leavers_" + CARE_LEAVER_AGES[age] + "_"
        return {column: prefix + suffix for column, suffix in table[breakdown].items()}
    return measures


def extract_adoption(root, out, areas):
    filename = ADOPTION
    fieldnames, rows = read_csv(os.path.join(root, DFE_DIR, filename))
    check_header(filename, fieldnames,
                 ["time_period", "time_identifier", "geographic_level", "country_code",
                  "country_name", "cla_group", "stage_of_adoption_process", "age_start_poc",
                  "number"])
    for i, r in enumerate(rows, start=2):
        where = f"{filename}:{i}"
        if r["geographic_level"] != "National" or r["country_code"] != "E92000001":
            fail(f"{where}: expected England only")
        if r["cla_group"] != "Age on starting final period of care":
            fail(f"{where}: unexpected cla_group {r['cla_group']!r}")
        stage = r["stage_of_adoption_process"]
        m = ADOPTION_STAGE.match(stage)
        if m:
            prefix = "adoption_stage" + m.group(1)
            check_value(r["number"], where, DFE_MARKERS, allow_years_months=True)
            if NUMBER.fullmatch(r["number"]):
                fail(f"{where}: stage durations are published as YY:MM, got {r['number']!r}")
        elif stage == ADOPTION_WITHIN_12M:
            prefix = "adoption_placed_within_12m"
            check_value(r["number"], where, DFE_MARKERS)
        else:
            fail(f"{where}: unexpected stage_of_adoption_process {stage!r}")
        measure = prefix + "_" + slug(r["age_start_poc"])
        out.add(filename, int(r["time_period"]), areas.national(), measure, r["number"])


def extract_lait(root, out, areas):
    long_name = "lait/lait_csc_long.csv"
    dict_name = "lait/lait_csc_dictionary.csv"
    fieldnames, rows = read_csv(os.path.join(root, long_name))
    check_header(long_name, fieldnames, ["Short Desc", "Data item", "Years", "LA and Regions",
                                         "Values", "LA Number", "Region"])
    _, dictionary = read_csv(os.path.join(root, dict_name))
    year_type = {d["Measure_short"]: d["Year_Type"] for d in dictionary}
    wanted = {}
    for short in LAIT_MEASURES:
        if short not in year_type:
            fail(f"{dict_name}: no definition for {short!r}")
        if year_type[short] == "Academic Year":
            fail(f"{dict_name}: {short!r} is by academic year; not extracted")
        wanted[short] = "lait_" + slug(short)
    if len(set(wanted.values())) != len(wanted):
        fail("two LAIT measures share a name")
    seen = set()
    for i, r in enumerate(rows, start=2):
        short = r["Short Desc"]
        if short not in wanted:
            continue
        seen.add(short)
        where = f"{long_name}:{i}"
        number = r["LA Number"]
        if number == LAIT_NATIONAL:
            area = areas.national()
        elif number in LAIT_REGIONS:
            area = areas.regional(LAIT_REGIONS[number], where)
        else:
            area = areas.local_authority(number, where)
            if r["Region"] != area[4]:
                fail(f"{where}: LAIT region {r['Region']!r} for {number}, DfE {area[4]!r}")
        check_value(r["Values"], where, LAIT_MARKERS)
        out.add("lait", lait_year(r["Years"], where), area, wanted[short], r["Values"])
    missing = sorted(set(wanted) - seen)
    if missing:
        fail(f"{long_name}: no rows for {missing}")


def main(argv):
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    root = argv[1] if len(argv) > 1 else os.path.join(repo, "..", "shared", "reference")
    target = argv[2] if len(argv) > 2 else os.path.join(repo, "data", "reference",
                                                         "la_figures.csv")
    if len(argv) > 3:
        fail("usage: extract-reference.py [REFERENCE_DIR [OUTPUT_CSV]]")

    _, b1_rows = read_csv(os.path.join(root, DFE_DIR, B1))
    areas = Areas(b1_rows)
    out = Output()

    for filename, category, columns in WIDE:
        extract_wide(root, out, areas, filename, category, columns)
    extract_long(root, out, areas, CLA, ["population_estimate", "children_count",
                                         "rate_per_10000"], ["population_type"], cla_measures)
    extract_long(root, out, areas, STABILITY, ["children_count", "children_percent"],
                 ["cla_group", "placement_stability"], stability_measures)
    extract_long(root, out, areas, ACCOMMODATION, ["care_leaver_count", "care_leaver_percent"],
                 ["care_leaver_age", "breakdown"], care_leaver_measures(ACCOMMODATION_MEASURES))
    extract_long(root, out, areas, ACTIVITY, ["care_leaver_count", "care_leaver_percent"],
                 ["care_leaver_age", "breakdown"], care_leaver_measures(ACTIVITY_MEASURES))
    extract_adoption(root, out, areas)
    extract_lait(root, out, areas)

    dropped = []
    for source in [CLA, STABILITY, ACCOMMODATION, ACTIVITY, POPULATION, B1, C1, C3, D3, D5,
                   CSWW]:
        dropped += [(source,) + d for d in out.drop_nonexistent(source, "z", areas.cin_years)]
    dropped += [("lait",) + d for d in out.drop_nonexistent("lait", "-", areas.cin_years)]

    def order(row):
        return (int(row[0]), LEVELS[row[1]], row[2], row[3], row[6])

    rows = sorted(out.rows.values(), key=order)
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    tmp = target + ".tmp"
    with open(tmp, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    os.replace(tmp, target)

    measures = {r[6] for r in rows}
    print(f"extract-reference: {len(rows)} rows, {len(measures)} measures -> {target}",
          file=sys.stderr)
    print(f"extract-reference: left out {len(dropped)} source/LA/year blocks for LAs that did not "
          f"exist (all values 'z', or LAIT '-')", file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except (ExtractError, OSError) as e:
        print(f"extract-reference: {e}", file=sys.stderr)
        sys.exit(1)
