// Keeps docs/errors.md pinned to the code: every error text nnshape can raise must appear in it.
//
//   nnshape_errors_catalogue <include/nnshape> <docs/errors.md>   fails listing each missing text
//   nnshape_errors_catalogue --list <include/nnshape>             prints every text, by header
//
// The texts are the string literals of the rule argument of `require(ok, "...")` and
// `require_with(ok, "...", describe)`, a config key's `refused("key", "...")`, the message of
// `static_assert(cond, "...")`, and, for the Keras JSON reader's `fail(..., "..." + ...)`, each
// literal piece of 10 characters or more (the rest of those messages names the layer and key at
// run time). Adjacent literals are one text; a `?:` between literals gives one text per branch.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Text {
    std::string file;
    int line;
    std::string text;
};

std::string read(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool is_ident(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Index just past the literal or comment starting at i, or i if there is none.
std::size_t skip_token(std::string_view s, std::size_t i)
{
    if (s.substr(i, 2) == "//") return s.find('\n', i) == std::string_view::npos ? s.size() : s.find('\n', i);
    if (s.substr(i, 2) == "/*") return s.find("*/", i) + 2;
    if (s[i] != '"' && s[i] != '\'') return i;
    const char quote = s[i];
    for (std::size_t j = i + 1; j < s.size(); ++j) {
        if (s[j] == '\\')
            ++j;
        else if (s[j] == quote)
            return j + 1;
    }
    return s.size();
}

// The arguments of the call whose '(' is at `open`, split at top-level commas.
std::vector<std::string_view> arguments(std::string_view s, std::size_t open)
{
    std::vector<std::string_view> args;
    int depth = 0;
    std::size_t start = open + 1;
    for (std::size_t i = open; i < s.size();) {
        if (const std::size_t next = skip_token(s, i); next != i) {
            i = next;
            continue;
        }
        const char c = s[i];
        if (c == '(' || c == '{' || c == '[') ++depth;
        if (c == ')' || c == '}' || c == ']') {
            if (--depth == 0) {
                args.push_back(s.substr(start, i - start));
                return args;
            }
        }
        if (c == ',' && depth == 1) {
            args.push_back(s.substr(start, i - start));
            start = i + 1;
        }
        ++i;
    }
    return args;
}

// Runs of adjacent string literals in `arg` (whitespace and line continuations between them), unescaped.
std::vector<std::string> literal_runs(std::string_view arg)
{
    std::vector<std::string> runs;
    bool in_run = false;
    for (std::size_t i = 0; i < arg.size();) {
        if (arg[i] == '"') {
            if (!in_run) runs.emplace_back();
            in_run = true;
            for (++i; i < arg.size() && arg[i] != '"'; ++i) {
                if (arg[i] == '\\') ++i;
                runs.back() += arg[i];
            }
            ++i;
        } else if (const std::size_t next = skip_token(arg, i); next != i) {
            i = next;
            in_run = false;
        } else {
            if (!std::isspace(static_cast<unsigned char>(arg[i])) && arg[i] != '\\') in_run = false;
            ++i;
        }
    }
    return runs;
}

std::vector<Text> texts_in(const fs::path& file, const std::string& shown)
{
    const std::string content = read(file);
    const std::string_view s = content;
    std::vector<Text> out;
    for (std::size_t i = 0; i < s.size();) {
        if (const std::size_t next = skip_token(s, i); next != i) {
            i = next;
            continue;
        }
        if (!is_ident(s[i]) || (i > 0 && is_ident(s[i - 1]))) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < s.size() && is_ident(s[end])) ++end;
        const std::string_view name = s.substr(i, end - i);
        std::size_t open = end;
        while (open < s.size() && s[open] == ' ') ++open;
        if (open < s.size() && s[open] == '(' &&
            (name == "require" || name == "require_with" || name == "fail" || name == "static_assert" ||
             name == "refused")) {
            const auto args = arguments(s, open);
            const int line = int(std::count(s.begin(), s.begin() + std::ptrdiff_t(i), '\n')) + 1;
            // A static_assert's condition may hold commas between angle brackets: its message is the last argument.
            const std::string_view rule = name == "fail"            ? args.back()
                                          : args.size() < 2         ? std::string_view{}
                                          : name == "static_assert" ? args.back()
                                                                    : args[1];
            for (const std::string& t : literal_runs(rule))
                if (name != "fail" || t.size() >= 10) out.push_back({shown, line, t});
        }
        i = end;
    }
    return out;
}

std::vector<Text> all_texts(const fs::path& include_dir)
{
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(include_dir))
        if (e.path().extension() == ".hpp") files.push_back(e.path());
    std::ranges::sort(files);
    std::vector<Text> out;
    for (const fs::path& f : files) {
        auto t = texts_in(f, fs::relative(f, include_dir.parent_path()).generic_string());
        out.insert(out.end(), t.begin(), t.end());
    }
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc == 3 && std::string_view(argv[1]) == "--list") {
        std::string file;
        for (const Text& t : all_texts(argv[2])) {
            if (t.file != file) std::printf("\n## %s\n", (file = t.file).c_str());
            std::printf("%d: %s\n", t.line, t.text.c_str());
        }
        return 0;
    }
    if (argc != 3) {
        std::fprintf(stderr, "usage: nnshape_errors_catalogue <include/nnshape> <docs/errors.md>\n"
                             "       nnshape_errors_catalogue --list <include/nnshape>\n");
        return 2;
    }
    const std::string doc = read(argv[2]);
    if (doc.empty()) return std::fprintf(stderr, "cannot read %s\n", argv[2]), 1;
    const std::vector<Text> texts = all_texts(argv[1]);
    int missing = 0;
    for (const Text& t : texts) {
        if (doc.find(t.text) != std::string::npos) continue;
        std::printf("%s:%d: not in %s: %s\n", t.file.c_str(), t.line, argv[2], t.text.c_str());
        ++missing;
    }
    std::printf("%zu error texts, %d missing from the catalogue\n", texts.size(), missing);
    return missing == 0 ? 0 : 1;
}
