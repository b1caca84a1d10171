#pragma once
// The OpenAPI 3.0 description of the HTTP API, built from the entity registry so that it
// cannot drift from what the server accepts.

#include <nlohmann/json.hpp>

namespace sg {

nlohmann::json BuildOpenApi();

}  // namespace sg
