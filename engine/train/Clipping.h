// Gradient clipping (Pascanu, Mikolov & Bengio 2013), shared by the playground's trainer and the
// sequence lab's: by value first — every component clamped to ±clipValue, which bends the
// gradient's direction — then by global norm — the whole vector rescaled when its L2 norm exceeds
// clipNorm, which keeps the direction (cosine 1 with the unclipped gradient). 0 turns either off.
#pragma once

#include "core/Types.h"

namespace dl {

// Clips g in place; `norm` is g's global L2 norm as it comes in (in double). Returns whether any
// clipping changed g.
bool clipGradient(Vector& g, double norm, double clipValue, double clipNorm);

}  // namespace dl
