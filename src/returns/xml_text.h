#pragma once
// Escaping for the text of XML elements, shared by the returns' writers.

#include <ostream>
#include <string_view>

namespace sg {

// Writes `text` with &, < and > escaped (element content; the writers use no attributes).
inline void WriteXmlText(std::ostream& out, std::string_view text) {
  size_t from = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char* entity = text[i] == '&'   ? "&amp;"
                         : text[i] == '<' ? "&lt;"
                         : text[i] == '>' ? "&gt;"
                                          : nullptr;
    if (entity == nullptr) continue;
    out.write(text.data() + from, static_cast<std::streamsize>(i - from));
    out << entity;
    from = i + 1;
  }
  out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
}

}  // namespace sg
