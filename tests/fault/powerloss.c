/* A power-loss recorder for tests/fault/test_power_loss.py, loaded with LD_PRELOAD.
 *
 * A power cut keeps only what was fsynced: a file's bytes as of its last fsync, a folder's names as of its last
 * fsync. This library wraps fsync and fdatasync: after the real call, for a file under $POWERLOSS_WATCH it copies
 * the file's bytes to $POWERLOSS_SHADOW/<seq>-<inode>, and for that folder itself it writes the names and inodes
 * it holds to $POWERLOSS_SHADOW/<seq>-dir; either way it appends "sync <seq>" to the shared log
 * $POWERLOSS_SHADOW/log (O_APPEND, which the test process writes its acknowledgements to as well), so the test
 * can rebuild what a power cut at each sync would have left. Nothing else changes: the real fsync still runs.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long seq = 0;

static void note(const char *shadow, long n) {
    char path[PATH_MAX], line[64];
    snprintf(path, sizeof path, "%s/log", shadow);
    int log = open(path, O_WRONLY | O_APPEND | O_CREAT, 0644);
    if (log < 0) return;
    int len = snprintf(line, sizeof line, "sync %ld\n", n);
    if (write(log, line, len) != len) { /* the test sees a missing line */ }
    close(log);
}

static void record(int fd) {
    const char *watch = getenv("POWERLOSS_WATCH"), *shadow = getenv("POWERLOSS_SHADOW");
    if (!watch || !shadow) return;
    char link[64], target[PATH_MAX], out[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t len = readlink(link, target, sizeof target - 1);
    if (len <= 0) return;
    target[len] = 0;
    size_t wlen = strlen(watch);
    if (strncmp(target, watch, wlen) != 0 || (target[wlen] != '/' && target[wlen] != 0)) return;
    struct stat st;
    if (fstat(fd, &st) != 0) return;
    pthread_mutex_lock(&lock);
    long n = ++seq;
    if (S_ISDIR(st.st_mode)) {
        snprintf(out, sizeof out, "%s/%ld-dir", shadow, n);
        FILE *names = fopen(out, "w");
        DIR *dir = opendir(target);
        struct dirent *entry;
        while (names && dir && (entry = readdir(dir)) != NULL)
            if (entry->d_name[0] != '.') fprintf(names, "%s\t%lu\n", entry->d_name, (unsigned long)entry->d_ino);
        if (dir) closedir(dir);
        if (names) fclose(names);
    } else if (S_ISREG(st.st_mode)) {
        snprintf(out, sizeof out, "%s/%ld-%lu", shadow, n, (unsigned long)st.st_ino);
        int src = open(target, O_RDONLY), dst = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        char buffer[65536];
        ssize_t got;
        while (src >= 0 && dst >= 0 && (got = read(src, buffer, sizeof buffer)) > 0)
            if (write(dst, buffer, got) != got) break;
        if (src >= 0) close(src);
        if (dst >= 0) close(dst);
    }
    note(shadow, n);
    pthread_mutex_unlock(&lock);
}

int fsync(int fd) {
    static int (*real)(int) = NULL;
    if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    int result = real(fd);
    if (result == 0) record(fd);
    return result;
}

int fdatasync(int fd) {
    static int (*real)(int) = NULL;
    if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
    int result = real(fd);
    if (result == 0) record(fd);
    return result;
}
