// Debian's OpenBLAS puts cblas.h under /usr/include/x86_64-linux-gnu/openblas-pthread/,
// which pkg-config (openblas) adds to the include path.
#include <cblas.h>
