/* The program the exec benchmarks run: says hello and leaves. */
#include <unistd.h>

int main(void)
{
    static const char message[] = "hello\n";
    return write(STDOUT_FILENO, message, sizeof(message) - 1) == (ssize_t)(sizeof(message) - 1) ? 0 : 1;
}
