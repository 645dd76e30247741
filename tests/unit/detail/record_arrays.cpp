// detail::BlockArray, where a functional Graph keeps its layer records: appends never move a record
// (the point of it: a record is 1.7 KB), and every index finds its record across block boundaries,
// at run time and in constant evaluation. detail::RecordArray, where a Sequential keeps its layers:
// copies are deep, a move leaves the source empty, reserve keeps appends in place.
#include <doctest/doctest.h>
#include <nnshape/detail/record_arrays.hpp>

#include <cstddef>
#include <cstdint>
#include <utility>

namespace unit_detail_record_arrays_test {

using nnshape::detail::BlockArray;
using nnshape::detail::RecordArray;

struct Record {
    std::int64_t id;
    std::int64_t twice;
};

constexpr std::int64_t sum_of_appended(std::int64_t n)
{
    BlockArray<Record> records;
    for (std::int64_t i = 0; i < n; ++i) records.emplace_back(i, 2 * i);
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < records.size(); ++i) sum += records[i].id + records[i].twice;
    return sum;
}
// 0 + 1 + ... + 99, three times: every record read back from the blocks it was appended to.
static_assert(sum_of_appended(100) == 3 * 4950);
static_assert(sum_of_appended(0) == 0);

TEST_CASE("every record of a BlockArray is found at its index, across blocks")
{
    BlockArray<Record> records;
    for (std::int64_t i = 0; i < 1000; ++i) records.emplace_back(i, 2 * i);
    REQUIRE(records.size() == 1000);
    for (std::size_t i = 0; i < records.size(); ++i) {
        CAPTURE(i);
        CHECK(records[i].id == std::int64_t(i));
        CHECK(records[i].twice == 2 * std::int64_t(i));
    }
}

TEST_CASE("appending to a BlockArray never moves the records already in it")
{
    BlockArray<Record> records;
    records.push_back({7, 14});
    const Record* first = &records[0];
    for (std::int64_t i = 1; i < 1000; ++i) records.emplace_back(i, 2 * i);
    CHECK(&records[0] == first);
    CHECK(records[0].id == 7);
}

constexpr RecordArray<Record> numbered(std::int64_t n)
{
    RecordArray<Record> records;
    for (std::int64_t i = 0; i < n; ++i) records.emplace_back(i, 2 * i);
    return records;
}

// A copy keeps its own records: changing and shrinking it leaves the original's (0 + 1 + ... + 19) alone.
constexpr bool copy_is_independent()
{
    const RecordArray<Record> original = numbered(20);
    RecordArray<Record> copy = original;
    copy[0].id = 100;
    copy.pop_back();
    std::int64_t sum = 0;
    for (const Record& r : original) sum += r.id;
    return sum == 190 && original.size() == 20 && copy.size() == 19 && copy[0].id == 100 && copy.back().id == 18;
}
static_assert(copy_is_independent());

// Assigning over an array with records replaces them; moving takes the records and empties the source.
constexpr bool assignment_and_move_take_the_records()
{
    RecordArray<Record> target = numbered(3);
    target = numbered(12);
    RecordArray<Record> source = numbered(5);
    RecordArray<Record> moved = std::move(source);
    return target.size() == 12 && target.back().twice == 22 && moved.size() == 5 && moved[4].id == 4 && source.empty();
}
static_assert(assignment_and_move_take_the_records());

TEST_CASE("a RecordArray copy is deep, and reserve keeps later appends in place")
{
    CHECK(copy_is_independent());
    CHECK(assignment_and_move_take_the_records());
    RecordArray<Record> records;
    records.reserve(100);
    records.emplace_back(0, 0);
    const Record* first = &records[0];
    for (std::int64_t i = 1; i < 100; ++i) records.emplace_back(i, 2 * i);
    CHECK(&records[0] == first);
    CHECK(records.size() == 100);
}

} // namespace unit_detail_record_arrays_test
