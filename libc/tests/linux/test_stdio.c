/* stdio on real files: writing and reading back, every buffering mode,
 * seeking, ungetc, getline, scanf from a stream, update mode, append,
 * fdopen on a pipe, and tmpfile. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

static long file_size(const char* path)
{
    struct stat status;
    return stat(path, &status) == 0 ? (long)status.st_size : -1;
}

static bool file_is(const char* path, const char* expected)
{
    char buffer[4096];
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return false;
    ssize_t got = read(fd, buffer, sizeof buffer - 1);
    close(fd);
    if (got < 0)
        return false;
    buffer[got] = '\0';
    return strcmp(buffer, expected) == 0;
}

void test_stdio(void)
{
    const char* path = test_path("stdio.txt");

    FILE* file = fopen(path, "w");
    CHECK("stdio.fopen_write", file != NULL && fileno(file) > 2);
    if (file == NULL)
        return;
    fprintf(file, "%d %s %.3f %e\n", 42, "words", 3.14159, 6.02e23);
    fputs("second line\n", file);
    fputc('x', file);
    putc('y', file);
    fwrite("\nthird\n", 1, 7, file);
    CHECK("stdio.buffered_until_flush", file_size(path) == 0);
    CHECK("stdio.fflush", fflush(file) == 0 && file_size(path) > 0);
    CHECK("stdio.ftell_write", ftell(file) == file_size(path));
    CHECK("stdio.fclose", fclose(file) == 0);
    CHECK("stdio.contents", file_is(path, "42 words 3.142 6.020000e+23\nsecond line\nxy\nthird\n"));

    file = fopen(path, "r");
    int number = 0;
    char word[16] = "";
    double real = 0, big = 0;
    CHECK("stdio.fscanf", file != NULL && fscanf(file, "%d %15s %lf %lf", &number, word, &real, &big) == 4
            && number == 42 && strcmp(word, "words") == 0 && real == 3.142 && big == 6.02e23);
    CHECK("stdio.fgetc_after_scanf", fgetc(file) == '\n');
    char line[64];
    CHECK("stdio.fgets", fgets(line, sizeof line, file) == line && strcmp(line, "second line\n") == 0);
    CHECK("stdio.fgets_short", fgets(line, 2, file) == line && strcmp(line, "x") == 0);
    CHECK("stdio.ungetc", ungetc('Q', file) == 'Q' && ungetc('P', file) == 'P' && getc(file) == 'P'
            && getc(file) == 'Q' && getc(file) == 'y');
    long position = ftell(file);
    CHECK("stdio.ftell_read", position == (long)strlen("42 words 3.142 6.020000e+23\nsecond line\nxy"));
    char* dynamic = NULL;
    size_t capacity = 0;
    CHECK("stdio.getline", getline(&dynamic, &capacity, file) == 1 && strcmp(dynamic, "\n") == 0
            && getline(&dynamic, &capacity, file) == 6 && strcmp(dynamic, "third\n") == 0);
    CHECK("stdio.eof", getline(&dynamic, &capacity, file) == -1 && feof(file) && !ferror(file)
            && fgetc(file) == EOF);
    clearerr(file);
    CHECK("stdio.clearerr", !feof(file));
    CHECK("stdio.fseek_set", fseek(file, 3, SEEK_SET) == 0 && fgetc(file) == 'w' && ftell(file) == 4);
    CHECK("stdio.fseek_cur", fseek(file, -2, SEEK_CUR) == 0 && fgetc(file) == ' ');
    CHECK("stdio.fseek_end", fseek(file, -6, SEEK_END) == 0 && fgets(line, sizeof line, file) != NULL
            && strcmp(line, "third\n") == 0);
    rewind(file);
    CHECK("stdio.rewind", fgetc(file) == '4' && ftell(file) == 1);
    CHECK("stdio.getdelim", getdelim(&dynamic, &capacity, ' ', file) == 2 && strcmp(dynamic, "2 ") == 0);
    fpos_t mark;
    CHECK("stdio.fgetpos", fgetpos(file, &mark) == 0 && fgetc(file) == 'w' && fsetpos(file, &mark) == 0
            && fgetc(file) == 'w');
    CHECK("stdio.write_to_read_only", fputc('z', file) == EOF && ferror(file));
    free(dynamic);
    fclose(file);

    /* Big blocks through fread/fwrite, straight and through the buffer. */
    file = fopen(path, "w+");
    static unsigned char block[100000], back[100000];
    for (size_t i = 0; i < sizeof block; ++i)
        block[i] = (unsigned char)(i * 7 + i / 251);
    bool ok = file != NULL && fwrite(block, 1, 10, file) == 10 && fwrite(block + 10, 10, 9999, file) == 9999;
    rewind(file);
    ok = ok && fread(back, 1, 3, file) == 3 && fread(back + 3, 1, sizeof back - 3, file) == sizeof back - 3;
    ok = ok && memcmp(block, back, sizeof block) == 0 && fread(back, 1, 1, file) == 0 && feof(file);
    CHECK("stdio.large_blocks", ok);
    /* Update mode: read, then write in the middle, then read on. */
    ok = fseek(file, 100, SEEK_SET) == 0 && fgetc(file) == block[100];
    ok = ok && fseek(file, 0, SEEK_CUR) == 0 && fputs("MARK", file) >= 0 && fseek(file, 0, SEEK_CUR) == 0;
    ok = ok && fgetc(file) == block[105];
    rewind(file);
    ok = ok && fread(back, 1, 110, file) == 110 && memcmp(back + 101, "MARK", 4) == 0;
    CHECK("stdio.update_mode", ok);
    fclose(file);

    /* Append mode writes at the end whatever the position. */
    file = fopen(path, "w");
    fputs("start\n", file);
    fclose(file);
    file = fopen(path, "a+");
    ok = file != NULL && fgetc(file) == 's';
    fputs("appended\n", file);
    fclose(file);
    CHECK("stdio.append", ok && file_is(path, "start\nappended\n"));

    /* Modes: exclusive creation, invalid mode strings, missing files. */
    errno = 0;
    CHECK("stdio.fopen_exclusive", fopen(path, "wx") == NULL && errno == EEXIST);
    errno = 0;
    CHECK("stdio.fopen_bad_mode", fopen(path, "q") == NULL && errno == EINVAL);
    errno = 0;
    CHECK("stdio.fopen_missing", fopen(test_path("missing/file"), "r") == NULL && errno == ENOENT);

    /* Buffering modes: unbuffered writes at once, line-buffered at '\n'
     * (everything buffered then goes, the text after the newline too). */
    file = fopen(path, "w");
    ok = setvbuf(file, NULL, _IONBF, 0) == 0;
    fputs("abc", file);
    ok = ok && file_size(path) == 3;
    fclose(file);
    file = fopen(path, "w");
    static char line_buffer[64];
    ok = ok && setvbuf(file, line_buffer, _IOLBF, sizeof line_buffer) == 0;
    fputs("partial", file);
    ok = ok && file_size(path) == 0;
    fputs(" line\nmore", file);
    ok = ok && file_size(path) == 17;
    fclose(file);
    ok = ok && file_is(path, "partial line\nmore");
    file = fopen(path, "r");
    fgetc(file);
    ok = ok && setvbuf(file, NULL, _IOFBF, 100) != 0; /* only before the first I/O */
    fclose(file);
    CHECK("stdio.setvbuf", ok);

    /* fdopen on a pipe (not seekable). */
    int fds[2];
    ok = pipe(fds) == 0;
    FILE* writer = fdopen(fds[1], "w");
    FILE* reader = fdopen(fds[0], "r");
    ok = ok && writer != NULL && reader != NULL;
    if (ok) {
        fprintf(writer, "through %s %d\n", "the pipe", 7);
        fclose(writer);
        char text[32];
        int value = 0;
        ok = fscanf(reader, "through %31[^0-9]%d", text, &value) == 2 && strcmp(text, "the pipe ") == 0 && value == 7
            && fgetc(reader) == '\n' && fgetc(reader) == EOF;
        ok = ok && ftell(reader) == -1 && errno == ESPIPE;
        fclose(reader);
    }
    CHECK("stdio.fdopen_pipe", ok);

    FILE* temporary = tmpfile();
    ok = temporary != NULL && fputs("scratch", temporary) >= 0 && fseek(temporary, 0, SEEK_SET) == 0
        && fgets(line, sizeof line, temporary) != NULL && strcmp(line, "scratch") == 0;
    if (temporary != NULL)
        fclose(temporary);
    CHECK("stdio.tmpfile", ok);

    /* The printf family's other sinks. */
    char* allocated = NULL;
    CHECK("stdio.asprintf", asprintf(&allocated, "%s-%05.1f-%x", "value", 2.25, 255) == 14
            && strcmp(allocated, "value-002.2-ff") == 0);
    free(allocated);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    CHECK("stdio.dprintf", dprintf(fd, "%g|%a|%c", 0.5, 1.0, 'z') == 12 && close(fd) == 0
            && file_is(path, "0.5|0x1p+0|z"));
    char small[8];
    CHECK("stdio.snprintf_float", snprintf(small, sizeof small, "%.3e", M_PI) == 9 && strcmp(small, "3.142e+") == 0);
    int consumed = 0;
    double parsed = 0;
    CHECK("stdio.sscanf", sscanf(" 1.5e3xyz", "%lf%n", &parsed, &consumed) == 1 && parsed == 1500 && consumed == 6);

    /* freopen keeps the descriptor: stdout redirected in a child. */
    pid_t pid = fork();
    if (pid == 0) {
        if (freopen(path, "w", stdout) != stdout || fileno(stdout) != STDOUT_FILENO)
            _exit(1);
        printf("redirected %d", 1);
        exit(0);
    }
    int status = -1;
    CHECK("stdio.freopen", waitpid(pid, &status, 0) == pid && status == 0 && file_is(path, "redirected 1"));

    CHECK("stdio.remove", remove(path) == 0 && remove(path) == -1 && errno == ENOENT);
    ok = mkdir(path, 0755) == 0 && remove(path) == 0 && access(path, F_OK) != 0;
    CHECK("stdio.remove_directory", ok);
    CHECK("stdio.perror_and_stderr", fprintf(stderr, "%s", "") == 0 && ferror(stderr) == 0);
}
