// A layer stack described without training it: per layer its output shape, parameters, receptive
// field and multiply-adds, and where the stack stops fitting its input. The CNN lab's architecture
// view shows these rows; its comparisons ("three 3×3 vs one 7×7") are computed from them too.
#pragma once

#include "core/Error.h"
#include "core/Types.h"
#include "nn/Layer.h"

#include <optional>
#include <string>
#include <vector>

namespace dl {

// Where a row stands: computed, the first layer that does not fit (or a stack rule it breaks), or
// after that error (nothing is computed past the first error: the input shape is unknown).
enum class RowStatus { Ok, Error, AfterError };

struct ArchitectureRow {
  std::string kind;
  RowStatus status = RowStatus::Ok;
  Shape output;      // C×H×W (a flat layer: {n, 1, 1, 1})
  Index params = 0;  // learned values (Layer::paramCount; batch norm's running statistics are not counted)
  // The receptive field: how many input pixels, along each axis, one output value of this layer
  // depends on, following kernels, strides, dilations and pooling down the stack (padding
  // included, so it can be larger than the image). wholeInput: the layer mixes every input pixel
  // (flatten, dense, global pooling, SPP, or any layer after one of them); the field is then
  // the input's height × width.
  Index receptiveHeight = 1, receptiveWidth = 1;
  bool wholeInput = false;
  // Multiply-adds of one sample against learned weights: conv2d outH·outW·out·(C/groups)·kh·kw
  // (dl::convMultiplyAdds), locally connected the same count (each position its own kernel),
  // transposed convolution H·W·C·out·kh·kw (every input pixel stamps its kernel), dense in·out,
  // conv1d T'·out·(C/groups)·k, rnn/lstm/gru T·G·H·(F + H) (G gates; they mix the whole input).
  // Every other layer (pooling, activation, batch norm, dropout, upsampling, flatten) counts 0:
  // a few operations per value, negligible beside the products (and batch norm folds into the
  // layer before it at inference). FLOPs are twice this.
  double multiplyAdds = 0;
  std::optional<ConfigError> error;  // status Error: the message names "layers[i].field"
};

struct ArchitectureSummary {
  std::vector<ArchitectureRow> rows;
  Index params = 0;         // of the rows computed
  double multiplyAdds = 0;  // of the rows computed
  Shape output;             // of the last computed row (the input for an empty stack)
  int firstError = -1;      // row of the first error, -1 when none
  // The first error: a row's, or the whole stack's (an empty stack, ConfigError "layers").
  std::optional<ConfigError> error;
  bool valid() const { return !error.has_value(); }
};

// Builds each layer through the registry (nn/Layer.h) on the shape the layer before gives, as
// Network(input, stack) does, so shapes and counts are the layers' own. Errors become rows, never
// exceptions: a layer's ConfigError, an unknown kind ("layers[i].kind"), and a first layer
// without weights ("layers[0].kind", which Network refuses).
ArchitectureSummary describeStack(Shape input, const std::vector<LayerSpec>& stack);

}  // namespace dl
