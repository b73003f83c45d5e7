#include "decimal.h"

namespace banos::libc {

namespace {

constexpr uint32_t powers_of_ten[10] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
    1000000000 };

int digits_in(uint32_t limb)
{
    int count = 1;
    while (count < 9 && limb >= powers_of_ten[count])
        ++count;
    return count;
}

} // namespace

ExactDecimal::ExactDecimal(uint64_t mantissa, int exponent)
{
    if (mantissa == 0) {
        limbs_[0] = 0;
        limb_count_ = 1;
        digit_count_ = 1;
        point_ = 1;
        top_digits_ = 1;
        return;
    }
    while (mantissa != 0) {
        limbs_[limb_count_++] = static_cast<uint32_t>(mantissa % limb_base);
        mantissa /= limb_base;
    }
    int64_t decimal_exponent = 0;
    if (exponent > 0) {
        // value = mantissa * 2^exponent, an integer.
        for (; exponent >= 28; exponent -= 28)
            multiply(uint32_t(1) << 28);
        if (exponent > 0)
            multiply(uint32_t(1) << exponent);
    } else if (exponent < 0) {
        // value = mantissa * 5^-exponent / 10^-exponent.
        decimal_exponent = exponent;
        int power = -exponent;
        for (; power >= 13; power -= 13)
            multiply(1220703125u); // 5^13
        uint32_t rest = 1;
        while (power-- > 0)
            rest *= 5;
        if (rest != 1)
            multiply(rest);
    }
    top_digits_ = digits_in(limbs_[limb_count_ - 1]);
    digit_count_ = static_cast<int64_t>(limb_count_ - 1) * 9 + top_digits_;
    point_ = digit_count_ + decimal_exponent;
}

void ExactDecimal::multiply(uint32_t factor)
{
    uint64_t carry = 0;
    for (size_t i = 0; i < limb_count_; ++i) {
        uint64_t product = uint64_t(limbs_[i]) * factor + carry;
        limbs_[i] = static_cast<uint32_t>(product % limb_base);
        carry = product / limb_base;
    }
    while (carry != 0 && limb_count_ < max_limbs) {
        limbs_[limb_count_++] = static_cast<uint32_t>(carry % limb_base);
        carry /= limb_base;
    }
}

int ExactDecimal::digit(int64_t index) const
{
    if (index < 0 || index >= digit_count_)
        return 0;
    // Position counted from the least significant digit.
    auto position = static_cast<uint64_t>(digit_count_ - 1 - index);
    return static_cast<int>(limbs_[position / 9] / powers_of_ten[position % 9] % 10);
}

bool ExactDecimal::nonzero_from(int64_t index) const
{
    if (index >= digit_count_)
        return false;
    if (index < 0)
        index = 0;
    auto position = static_cast<uint64_t>(digit_count_ - 1 - index); // the digits at positions 0..position
    size_t limb = position / 9;
    for (size_t i = 0; i < limb; ++i) {
        if (limbs_[i] != 0)
            return true;
    }
    unsigned within = static_cast<unsigned>(position % 9) + 1;
    return within >= 9 ? limbs_[limb] != 0 : limbs_[limb] % powers_of_ten[within] != 0;
}

RoundedDecimal::RoundedDecimal(const ExactDecimal& exact, int64_t keep)
    : exact_(exact), keep_(keep), point_(exact.point())
{
    if (keep >= exact.digit_count())
        return;
    // keep < 0: the first digit dropped is a leading zero, so less than half.
    int next = keep >= 0 ? exact.digit(keep) : 0;
    bool last_odd = keep >= 1 && (exact.digit(keep - 1) & 1) != 0;
    bool up = next > 5 || (next == 5 && (last_odd || exact.nonzero_from(keep + 1)));
    if (!up)
        return;
    int64_t index = keep - 1;
    while (index >= 0 && exact.digit(index) == 9)
        --index;
    if (index >= 0) {
        bump_ = index;
    } else {
        carried_ = true;
        ++point_;
    }
}

int RoundedDecimal::digit(int64_t index) const
{
    if (carried_)
        return index == 0 ? 1 : 0;
    if (index < 0 || index >= keep_)
        return 0;
    if (bump_ >= 0) {
        if (index == bump_)
            return exact_.digit(index) + 1;
        if (index > bump_)
            return 0;
    }
    return exact_.digit(index);
}

} // namespace banos::libc
