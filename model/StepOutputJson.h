// A step's output as a JSON value, for writers that embed it in a larger document (r2p export's
// steps-jsonl). The same value toJson (StepOutput.h) stores; header apart so that StepOutput.h
// needs no JSON library.
#pragma once

#include "StepOutput.h"

#include <nlohmann/json.hpp>

namespace r2p {

// The object toJson dumps; an empty object when no key is set.
nlohmann::ordered_json stepOutputJson(const StepOutput& output);

} // namespace r2p
