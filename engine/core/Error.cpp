// Number formatting for error messages.
#include "core/Error.h"

#include <cstdio>

namespace dl {

std::string formatValue(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

}  // namespace dl
