// The yardstick of bench/compile_time.sh (case (n)): a one-line program that parses JSON with nlohmann::json.
#include <nlohmann/json.hpp>
int main() { return nlohmann::json::parse(R"({"a": [1, 2, 3]})")["a"].size() == 3 ? 0 : 1; }
