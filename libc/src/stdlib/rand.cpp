// rand: the LCG of C's own example (and many libcs), 31 bits of its state.
#include <stdint.h>
#include <stdlib.h>

namespace {

uint64_t state = 1;

int next(uint64_t& value)
{
    value = value * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<int>(value >> 33);
}

} // namespace

extern "C" {

int rand(void) { return next(state); }
void srand(unsigned int seed) { state = seed; }
long random(void) { return next(state); }
void srandom(unsigned int seed) { state = seed; }

int rand_r(unsigned int* seed)
{
    uint64_t value = *seed;
    int result = next(value);
    *seed = static_cast<unsigned int>(value);
    return result;
}
}
