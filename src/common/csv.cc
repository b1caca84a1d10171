#include "common/csv.h"

namespace sg {

Status ForEachLine(std::string_view text,
                   const std::function<Status(int line_number, std::string_view line)>& fn) {
  size_t pos = 0;
  int line_no = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    SG_RETURN_IF_ERROR(fn(line_no, line));
  }
  return Status::Ok();
}

std::vector<std::string> SplitCsvLine(std::string_view line) {
  std::vector<std::string> out;
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.push_back(std::move(cell));
      cell.clear();
    } else {
      cell += c;
    }
  }
  out.push_back(std::move(cell));
  return out;
}

Status ForEachCsvRecord(
    std::string_view text,
    const std::function<Status(int line, std::vector<std::string>& cells)>& fn) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string> cells(1);
  int line = 1;
  int record_line = 1;
  int quote_line = 0;  // line where the open quoted cell started; 0 = none open
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const char c = text[i];
    if (quote_line) {
      if (c == '"') {
        if (i + 1 < n && text[i + 1] == '"') {
          cells.back() += '"';
          i += 2;
          continue;
        }
        quote_line = 0;
      } else {
        if (c == '\n') ++line;
        cells.back() += c;
      }
      ++i;
      continue;
    }
    if (c == '"' && cells.back().empty()) {
      quote_line = line;
    } else if (c != ',' && c != '\n' && c != '\r') {
      // Plain text up to the next delimiter, copied at once.
      size_t end = i + 1;
      while (end < n && text[end] != ',' && text[end] != '\n' && text[end] != '\r') ++end;
      cells.back().append(text.data() + i, end - i);
      i = end;
      continue;
    } else if (c == ',') {
      cells.emplace_back();
    } else if (c == '\n' || (c == '\r' && i + 1 < n && text[i + 1] == '\n')) {
      if (c == '\r') ++i;
      SG_RETURN_IF_ERROR(fn(record_line, cells));
      cells.assign(1, std::string());
      ++line;
      record_line = line;
    } else {
      cells.back() += c;
    }
    ++i;
  }
  if (quote_line) {
    return InvalidArgument(
        "a quoted cell starting on line " + std::to_string(quote_line) + " has no closing quote",
        "line " + std::to_string(quote_line));
  }
  // The last record when the text does not end with a line break.
  if (cells.size() > 1 || !cells.back().empty()) SG_RETURN_IF_ERROR(fn(record_line, cells));
  return Status::Ok();
}

namespace {

bool NeedsQuotes(std::string_view cell) {
  for (char c : cell) {
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  }
  return false;
}

}  // namespace

void WriteCsvCell(std::ostream& out, std::string_view cell) {
  if (!NeedsQuotes(cell)) {
    out.write(cell.data(), static_cast<std::streamsize>(cell.size()));
    return;
  }
  std::string quoted;
  AppendCsvCell(quoted, cell);
  out.write(quoted.data(), static_cast<std::streamsize>(quoted.size()));
}

void AppendCsvCell(std::string& out, std::string_view cell) {
  if (!NeedsQuotes(cell)) {
    out.append(cell);
    return;
  }
  out += '"';
  size_t from = 0;
  for (size_t q = cell.find('"'); q != std::string_view::npos; q = cell.find('"', q + 1)) {
    out.append(cell.substr(from, q + 1 - from));
    out += '"';
    from = q + 1;
  }
  out.append(cell.substr(from));
  out += '"';
}

}  // namespace sg
