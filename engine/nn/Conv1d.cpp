// The 1-d convolution as a Conv2d with a 1×k kernel on the sequence read as a one-row image.
#include "nn/Conv1d.h"

#include "core/Error.h"

namespace dl {

namespace {

// The Conv2d spec: a 1×k kernel; errors about its width are errors about the kernel.
LayerSpec imageSpec(const LayerSpec& spec, const std::string& field) {
  if (spec.kernel < 1)
    throw ConfigError(field + ".kernel", std::to_string(spec.kernel),
                      {DL_TRANSLATE_NOOP("dl", "must be >= %1"), {"1"}});
  if (spec.padding != 0 && spec.padding != LayerSpec::kSamePadding)
    throw ConfigError(field + ".padding", std::to_string(spec.padding),
                      {DL_TRANSLATE_NOOP("dl", "must be '%1' or '%2'"), {"0", "same"}});
  LayerSpec s = spec;
  s.kind = "conv2d";
  s.kernelWidth = spec.kernel;
  s.kernel = 1;
  return s;
}

Conv2d makeConv(const Shape& in, const LayerSpec& spec, const std::string& field) {
  try {
    return Conv2d({in.channels * in.height * in.width, 1, in.time, 1}, imageSpec(spec, field), field);
  } catch (const ConfigError& e) {
    if (e.field() != field + ".kernelWidth") throw;
    throw ConfigError(field + ".kernel", e.value(), e.reason());
  }
}

}  // namespace

Conv1d::Conv1d(Shape in, const LayerSpec& spec, const std::string& field)
    : Layer(in), m_conv(makeConv(in, spec, field)) {}

Shape Conv1d::outputShape() const {
  const Shape image = m_conv.outputShape();  // {units, 1, T', 1}
  return {image.channels, 1, 1, image.width};
}

}  // namespace dl
