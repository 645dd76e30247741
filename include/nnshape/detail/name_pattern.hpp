#pragma once
// detail::NamePattern: Python's `re.match(pattern, name)` for layer names, as Keras's summary
// `layer_range` applies it. Written here rather than taken from <regex>: <regex> costs every
// translation unit that prints a summary about a second of compile time, and a pattern it cannot
// parse throws std::regex_error instead of naming the option.
//
// The syntax layer names need: literals, `.`, classes `[a-z_]` / `[^...]`, the escapes `\d \w \s`
// (and `\D \W \S`, escaped punctuation), the quantifiers `* + ? {m} {m,} {m,n}` (greedy, or lazy
// with a trailing `?`), groups `(...)` / `(?:...)`, alternation `|` and the anchors `^ $`. Anything
// else (back-references, lookarounds, named groups, flags) is an error naming it, never a guess.

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "../error.hpp"

namespace nnshape::detail {

class NamePattern {
public:
    // `what` names the option in messages: "summary: layer_range".
    NamePattern(std::string_view pattern, std::string_view what) : pattern_(pattern), what_(what)
    {
        std::size_t at = 0;
        root_ = parse_alternatives(at);
        if (at != pattern_.size()) fail("unbalanced parenthesis");
    }

    // re.match: the pattern matches a prefix of `name`.
    bool matches_start_of(std::string_view name) const
    {
        steps_ = 0;
        return match_sequence(root_, 0, 0, name, nullptr);
    }

private:
    static constexpr int unbounded = std::numeric_limits<int>::max();
    static constexpr std::size_t max_steps = 1'000'000;

    struct Range {
        char low, high;
    };
    struct Node;
    using Sequence = std::vector<Node>;
    struct Node {
        enum class Kind { literal, any, set, group, line_start, line_end } kind = Kind::literal;
        char literal = 0;
        std::vector<Range> ranges{}; // a set's characters
        bool negated = false; // [^...], \D, \W, \S
        std::vector<Sequence> alternatives{}; // a group's
        int min = 1, max = 1;
        bool greedy = true;
    };

    // What remains to match after a node: the rest of a sequence, or another repetition of a node.
    struct Continuation {
        const Sequence* sequence = nullptr; // the rest of *sequence from `index`, then `next`
        std::size_t index = 0;
        const Node* repeated = nullptr; // or: `repeated` again, matched `count` times, the last from `start`
        int count = 0;
        std::size_t start = 0;
        const Continuation* next = nullptr;
    };

    [[noreturn]] void fail(std::string_view why) const
    {
        throw shape_error(what_ + ": cannot read the regex '" + pattern_ + "': " + std::string(why) +
                          " (nnshape reads literals, ., [...], \\d \\w \\s, * + ? {m,n}, "
                          "groups, | and ^ $)");
    }

    std::vector<Sequence> parse_alternatives(std::size_t& at) const
    {
        std::vector<Sequence> alternatives(1);
        while (at < pattern_.size() && pattern_[at] != ')') {
            if (pattern_[at] == '|') {
                alternatives.emplace_back();
                ++at;
                continue;
            }
            Node node = parse_atom(at);
            parse_quantifier(at, node);
            alternatives.back().push_back(std::move(node));
        }
        return alternatives;
    }

    Node parse_atom(std::size_t& at) const
    {
        const char c = pattern_[at++];
        Node node;
        switch (c) {
        case '.':
            node.kind = Node::Kind::any;
            return node;
        case '^':
            node.kind = Node::Kind::line_start;
            return node;
        case '$':
            node.kind = Node::Kind::line_end;
            return node;
        case '[':
            return parse_set(at);
        case '\\':
            return parse_escape(at, false);
        case '(': {
            if (pattern_.substr(at, 2) == "?:")
                at += 2;
            else if (at < pattern_.size() && pattern_[at] == '?')
                fail("(?...) other than (?:...) is not supported");
            node.kind = Node::Kind::group;
            node.alternatives = parse_alternatives(at);
            if (at >= pattern_.size()) fail("missing )");
            ++at;
            return node;
        }
        case '*':
        case '+':
        case '?':
            fail(std::string("nothing to repeat before '") + c + "'");
        default:
            node.literal = c;
            return node;
        }
    }

    // After a backslash: a class escape (\d \w \s and their negations) or an escaped character.
    Node parse_escape(std::size_t& at, bool in_set) const
    {
        if (at >= pattern_.size()) fail("a trailing backslash");
        const char c = pattern_[at++];
        Node node;
        node.kind = Node::Kind::set;
        switch (c) {
        case 'd':
        case 'D':
            node.ranges = {{'0', '9'}};
            break;
        case 'w':
        case 'W':
            node.ranges = {{'a', 'z'}, {'A', 'Z'}, {'0', '9'}, {'_', '_'}};
            break;
        case 's':
        case 'S':
            node.ranges = {{' ', ' '}, {'\t', '\r'}};
            break;
        default:
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
                fail(std::string("the escape \\") + c + " is not supported");
            node.ranges = {{c, c}};
            if (!in_set) {
                node.kind = Node::Kind::literal;
                node.literal = c;
            }
            return node;
        }
        node.negated = c == 'D' || c == 'W' || c == 'S';
        if (in_set && node.negated) fail(std::string("\\") + c + " inside [...] is not supported");
        return node;
    }

    Node parse_set(std::size_t& at) const
    {
        Node node;
        node.kind = Node::Kind::set;
        if (at < pattern_.size() && pattern_[at] == '^') {
            node.negated = true;
            ++at;
        }
        bool first = true;
        while (at < pattern_.size() && (pattern_[at] != ']' || first)) {
            first = false;
            char low = pattern_[at++];
            if (low == '\\') {
                const Node escaped = parse_escape(at, true);
                if (escaped.ranges.size() != 1 || escaped.ranges[0].low != escaped.ranges[0].high) {
                    node.ranges.insert(node.ranges.end(), escaped.ranges.begin(), escaped.ranges.end());
                    continue;
                }
                low = escaped.ranges[0].low;
            }
            char high = low;
            if (at + 1 < pattern_.size() && pattern_[at] == '-' && pattern_[at + 1] != ']') {
                high = pattern_[at + 1];
                at += 2;
                if (high == '\\') fail("an escape as the end of a range is not supported");
                if (high < low) fail("a bad character range");
            }
            node.ranges.push_back({low, high});
        }
        if (at >= pattern_.size()) fail("missing ]");
        ++at;
        return node;
    }

    void parse_quantifier(std::size_t& at, Node& node) const
    {
        if (at >= pattern_.size()) return;
        const char c = pattern_[at];
        if (c == '*' || c == '+' || c == '?') {
            node.min = c == '+' ? 1 : 0;
            node.max = c == '?' ? 1 : unbounded;
            ++at;
        } else if (c == '{') {
            const std::size_t close = pattern_.find('}', at);
            if (close == std::string::npos) return;
            const std::string_view inside = std::string_view(pattern_).substr(at + 1, close - at - 1);
            const std::size_t comma = inside.find(',');
            // Python reads a `{` that does not start {m}, {m,}, {,n} or {m,n} as a literal.
            if (inside.find_first_not_of("0123456789,") != std::string_view::npos || inside.empty() || inside == "," ||
                inside.find(',', comma + 1) != std::string_view::npos)
                return;
            const auto number = [&](std::string_view digits, int empty) {
                if (digits.empty()) return empty;
                int n = 0;
                for (char d : digits) {
                    if (n > 100000) fail("a repeat count over 100000");
                    n = n * 10 + (d - '0');
                }
                return n;
            };
            node.min = number(inside.substr(0, comma), 0);
            node.max = comma == std::string_view::npos ? node.min : number(inside.substr(comma + 1), unbounded);
            if (node.max < node.min) fail("a {m,n} repeat with n < m");
            at = close + 1;
        } else {
            return;
        }
        if (node.kind == Node::Kind::line_start || node.kind == Node::Kind::line_end)
            fail("a repeated anchor is not supported");
        if (at < pattern_.size() && pattern_[at] == '?') {
            node.greedy = false;
            ++at;
        } else if (at < pattern_.size() && (pattern_[at] == '*' || pattern_[at] == '+' || pattern_[at] == '{')) {
            fail("multiple repeat");
        }
    }

    static bool in_set(const Node& node, char c)
    {
        bool found = false;
        for (const Range& r : node.ranges) found = found || (c >= r.low && c <= r.high);
        return found != node.negated;
    }

    bool resume(const Continuation* k, std::size_t pos, std::string_view name) const
    {
        if (!k) return true; // re.match: the rest of the name may be anything
        if (k->repeated) return match_repeat(*k->repeated, k->count, k->start, pos, name, k->next);
        return match_sequence(*k->sequence, k->index, pos, name, k->next);
    }

    bool match_sequence(const std::vector<Sequence>& alternatives, std::size_t index, std::size_t pos,
                        std::string_view name, const Continuation* next) const
    {
        for (const Sequence& s : alternatives)
            if (match_sequence(s, index, pos, name, next)) return true;
        return false;
    }

    bool match_sequence(const Sequence& s, std::size_t index, std::size_t pos, std::string_view name,
                        const Continuation* next) const
    {
        if (index == s.size()) return resume(next, pos, name);
        const Continuation rest{.sequence = &s, .index = index + 1, .next = next};
        return match_repeat(s[index], 0, pos, pos, name, &rest);
    }

    // `node` has matched `count` times, the last time from `start` to `pos`: once more, or what follows.
    bool match_repeat(const Node& node, int count, std::size_t start, std::size_t pos, std::string_view name,
                      const Continuation* after) const
    {
        if (count > node.min && pos == start) return false; // an empty repetition: no progress
        const Continuation again{.repeated = &node, .count = count + 1, .start = pos, .next = after};
        const bool may_stop = count >= node.min, may_go_on = count < node.max;
        if (node.greedy)
            return (may_go_on && match_once(node, pos, name, &again)) || (may_stop && resume(after, pos, name));
        return (may_stop && resume(after, pos, name)) || (may_go_on && match_once(node, pos, name, &again));
    }

    bool match_once(const Node& node, std::size_t pos, std::string_view name, const Continuation* k) const
    {
        // A backtracking matcher can take exponential time on patterns like (a*)*b: an error, not a hang.
        if (++steps_ > max_steps) fail("matching it against '" + std::string(name) + "' backtracks too much");
        switch (node.kind) {
        case Node::Kind::literal:
            return pos < name.size() && name[pos] == node.literal && resume(k, pos + 1, name);
        case Node::Kind::any: // Python's `.` matches anything but a newline
            return pos < name.size() && name[pos] != '\n' && resume(k, pos + 1, name);
        case Node::Kind::set:
            return pos < name.size() && in_set(node, name[pos]) && resume(k, pos + 1, name);
        case Node::Kind::group:
            return match_sequence(node.alternatives, 0, pos, name, k);
        case Node::Kind::line_start:
            return pos == 0 && resume(k, pos, name);
        case Node::Kind::line_end: // Python's `$`: the end, or just before a final newline
            return (pos == name.size() || (pos + 1 == name.size() && name[pos] == '\n')) && resume(k, pos, name);
        }
        return false;
    }

    std::string pattern_;
    std::string what_;
    std::vector<Sequence> root_;
    mutable std::size_t steps_ = 0;
};

} // namespace nnshape::detail
