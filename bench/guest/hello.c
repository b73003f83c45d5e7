/* The program the exec benchmarks run. Without arguments: says hello and
 * leaves. With one (the TSC read just before execve, in decimal): writes
 * how many ticks have passed since, which is the exec-to-main time. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static uint64_t ticks(void)
{
    uint32_t low, high;
    __asm__ volatile("lfence; rdtsc" : "=a"(low), "=d"(high)::"memory");
    return ((uint64_t)high << 32) | low;
}

int main(int argc, char** argv)
{
    if (argc > 1) {
        uint64_t now = ticks();
        char line[32];
        int length = snprintf(line, sizeof(line), "%llu\n", (unsigned long long)(now - strtoull(argv[1], NULL, 10)));
        return write(STDOUT_FILENO, line, (size_t)length) == length ? 0 : 1;
    }
    static const char message[] = "hello\n";
    return write(STDOUT_FILENO, message, sizeof(message) - 1) == (ssize_t)(sizeof(message) - 1) ? 0 : 1;
}
