#include "arch/x86_64/time/pit.h"

#include "arch/x86_64/cpu/cpu.h"

namespace arch::pit {

namespace {
constexpr uint16_t kChannel2 = 0x42;
constexpr uint16_t kCommand = 0x43;
constexpr uint16_t kGatePort = 0x61;
constexpr uint8_t kGate2 = 0x01, kSpeaker = 0x02, kOut2 = 0x20;
constexpr uint16_t kLatch = kFrequencyHz / 100; // 10 ms
constexpr int kRounds = 5;
// Even a slow emulator does a 10 ms wait in far fewer cycles than this.
constexpr uint64_t kGiveUpCycles = 1ull << 36;

// Channel 2 in mode 0 (interrupt on terminal count): its OUT line, readable
// through port 0x61, rises when the count runs out.
klib::Optional<uint64_t> cycles_for_one_countdown()
{
    outb(kGatePort, (inb(kGatePort) & ~kSpeaker) | kGate2);
    outb(kCommand, 0xb0); // channel 2, low then high byte, mode 0, binary
    outb(kChannel2, kLatch & 0xff);
    outb(kChannel2, kLatch >> 8);
    uint64_t start = rdtsc();
    while (!(inb(kGatePort) & kOut2)) {
        if (rdtsc() - start > kGiveUpCycles)
            return {};
    }
    return rdtsc() - start;
}
} // namespace

klib::Optional<uint64_t> measure_tsc_hz()
{
    // Under emulation the host may stall us inside a round, which skews it
    // either way; the median round is the honest one.
    uint64_t rounds[kRounds];
    for (auto& round : rounds) {
        auto cycles = cycles_for_one_countdown();
        if (!cycles)
            return {};
        round = *cycles;
    }
    for (int i = 1; i < kRounds; ++i)
        for (int j = i; j > 0 && rounds[j - 1] > rounds[j]; --j) {
            uint64_t t = rounds[j];
            rounds[j] = rounds[j - 1];
            rounds[j - 1] = t;
        }
    return rounds[kRounds / 2] * kFrequencyHz / kLatch;
}

} // namespace arch::pit
