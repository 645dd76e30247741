// detail::BlockArray, where a functional Graph keeps its layer records: appends never move a record
// (the point of it: a record is 1.7 KB), and every index finds its record across block boundaries,
// at run time and in constant evaluation.
#include <doctest/doctest.h>
#include <nnshape/detail/record_arrays.hpp>

#include <cstddef>
#include <cstdint>

namespace unit_detail_record_arrays_test {

using nnshape::detail::BlockArray;

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

} // namespace unit_detail_record_arrays_test
