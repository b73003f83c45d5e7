#include <gtest/gtest.h>

#include <vector>

#include "lib/intrusive_list.h"

namespace {

struct Item {
    explicit Item(int v) : value(v) {}
    int value;
    klib::IntrusiveListNode node;
    klib::IntrusiveListNode other; // an object can be on two lists at once
};

using List = klib::IntrusiveList<Item, &Item::node>;
using OtherList = klib::IntrusiveList<Item, &Item::other>;

std::vector<int> values(List& list)
{
    std::vector<int> out;
    for (Item& item : list)
        out.push_back(item.value);
    return out;
}

void drain(List& list)
{
    while (list.pop_front()) {
    }
}

TEST(IntrusiveList, Empty)
{
    List list;
    EXPECT_TRUE(list.is_empty());
    EXPECT_EQ(list.size(), 0u);
    EXPECT_EQ(list.first(), nullptr);
    EXPECT_EQ(list.last(), nullptr);
    EXPECT_EQ(list.pop_front(), nullptr);
    EXPECT_TRUE(values(list).empty());
}

TEST(IntrusiveList, PushPopOrder)
{
    Item a(1), b(2), c(3);
    List list;
    list.push_back(b);
    list.push_front(a);
    list.push_back(c);
    EXPECT_EQ(values(list), (std::vector<int> { 1, 2, 3 }));
    EXPECT_EQ(list.size(), 3u);
    EXPECT_EQ(list.first(), &a);
    EXPECT_EQ(list.last(), &c);
    EXPECT_EQ(list.next(a), &b);
    EXPECT_EQ(list.next(c), nullptr);
    EXPECT_TRUE(b.node.is_linked());
    EXPECT_EQ(list.pop_front(), &a);
    EXPECT_FALSE(a.node.is_linked());
    EXPECT_EQ(values(list), (std::vector<int> { 2, 3 }));
    drain(list);
    EXPECT_TRUE(list.is_empty());
}

TEST(IntrusiveList, RemoveFromAnyPosition)
{
    Item items[] = { Item(0), Item(1), Item(2), Item(3), Item(4) };
    List list;
    for (Item& item : items)
        list.push_back(item);
    List::remove(items[2]); // middle
    List::remove(items[0]); // first
    List::remove(items[4]); // last
    EXPECT_EQ(values(list), (std::vector<int> { 1, 3 }));
    EXPECT_FALSE(items[2].node.is_linked());
    // A removed item can be linked again.
    list.push_front(items[2]);
    EXPECT_EQ(values(list), (std::vector<int> { 2, 1, 3 }));
    drain(list);
}

TEST(IntrusiveList, RemovingDuringIteration)
{
    std::vector<Item> items;
    for (int i = 0; i < 10; ++i)
        items.emplace_back(i);
    List list;
    for (Item& item : items)
        list.push_back(item);
    // Remove every odd element while walking the list.
    std::vector<int> seen;
    for (Item& item : list) {
        seen.push_back(item.value);
        if (item.value % 2)
            List::remove(item);
    }
    EXPECT_EQ(seen, (std::vector<int> { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }));
    EXPECT_EQ(values(list), (std::vector<int> { 0, 2, 4, 6, 8 }));
    // Remove everything while walking.
    for (Item& item : list)
        List::remove(item);
    EXPECT_TRUE(list.is_empty());
}

TEST(IntrusiveList, TwoListsThroughTwoNodes)
{
    Item a(1), b(2);
    List list;
    OtherList other;
    list.push_back(a);
    list.push_back(b);
    other.push_back(b);
    other.push_back(a);
    EXPECT_EQ(other.first(), &b);
    EXPECT_EQ(other.last(), &a);
    List::remove(a);
    EXPECT_EQ(other.size(), 2u); // untouched by the other list
    EXPECT_EQ(list.size(), 1u);
    drain(list);
    while (other.pop_front()) {
    }
}

TEST(IntrusiveList, InsertSortedKeepsOrderAndEqualsInInsertionOrder)
{
    // Values 10, 20, 30 and then equal keys: the tens digit orders them,
    // the units digit tells equal ones apart.
    Item i30(30), i10(10), i20(20), i21(21), i11(11), i35(35), i5(5);
    auto tens = [](const Item& a, const Item& b) { return a.value / 10 < b.value / 10; };
    List list;
    for (Item* item : { &i30, &i10, &i20, &i21, &i11, &i35, &i5 })
        list.insert_sorted(*item, tens);
    EXPECT_EQ(values(list), (std::vector<int> { 5, 10, 11, 20, 21, 30, 35 }));
    drain(list);
}

} // namespace
