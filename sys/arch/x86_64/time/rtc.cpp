#include "arch/x86_64/time/rtc.h"

#include "arch/x86_64/cpu/cpu.h"
#include "time/calendar.h"

namespace arch::rtc {

namespace {
constexpr uint16_t kIndexPort = 0x70, kDataPort = 0x71;
constexpr uint8_t kUpdateInProgress = 0x80;
constexpr uint8_t kStatusB24Hour = 0x02, kStatusBBinary = 0x04;

uint8_t read_register(uint8_t index)
{
    outb(kIndexPort, index);
    return inb(kDataPort);
}

struct Reading {
    uint8_t second, minute, hour, day, month, year, century;
    bool operator==(const Reading&) const = default;
};

Reading read_once()
{
    return { read_register(0x00), read_register(0x02), read_register(0x04), read_register(0x07),
             read_register(0x08), read_register(0x09), read_register(0x32) };
}

uint8_t from_bcd(uint8_t value) { return static_cast<uint8_t>((value >> 4) * 10 + (value & 0x0f)); }
} // namespace

klib::Optional<uint64_t> read_epoch_seconds()
{
    // Read until two readings agree, so an update in the middle cannot
    // tear the value; give up rather than loop forever.
    Reading reading {};
    bool stable = false;
    for (int attempt = 0; attempt < 1000 && !stable; ++attempt) {
        while (read_register(0x0a) & kUpdateInProgress)
            pause();
        reading = read_once();
        stable = reading == read_once();
    }
    if (!stable)
        return {};
    uint8_t status_b = read_register(0x0b);
    bool pm = reading.hour & 0x80;
    reading.hour &= 0x7f;
    if (!(status_b & kStatusBBinary)) {
        reading.second = from_bcd(reading.second);
        reading.minute = from_bcd(reading.minute);
        reading.hour = from_bcd(reading.hour);
        reading.day = from_bcd(reading.day);
        reading.month = from_bcd(reading.month);
        reading.year = from_bcd(reading.year);
        reading.century = from_bcd(reading.century);
    }
    if (!(status_b & kStatusB24Hour))
        reading.hour = static_cast<uint8_t>(reading.hour % 12 + (pm ? 12 : 0));
    unsigned century = reading.century >= 19 && reading.century <= 30 ? reading.century : 20;
    return ktime::seconds_since_epoch(century * 100 + reading.year, reading.month, reading.day, reading.hour,
                                      reading.minute, reading.second);
}

} // namespace arch::rtc
