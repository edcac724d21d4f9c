// Save, restore and reset of the optimisers' named state buffers.
#include "optim/BufferedOptimizer.h"

#include "core/Error.h"

namespace dl {

void BufferedOptimizer::reset(Index n) {
  m_n = n;
  m_t = 0;
  for (auto& [name, buffer] : m_buffers) buffer->setZero(n);
}

OptimizerState BufferedOptimizer::state() const {
  OptimizerState s;
  s.t = m_t;
  for (const auto& [name, buffer] : m_buffers) s.buffers.emplace_back(name, *buffer);
  return s;
}

// Everything is checked before anything is assigned, so a rejected state leaves this one intact.
void BufferedOptimizer::setState(const OptimizerState& s) {
  std::string expected;
  for (const auto& [name, buffer] : m_buffers) expected += (expected.empty() ? "" : ", ") + name;
  if (expected.empty()) expected = "none";

  if (s.t < 0)
    throw ConfigError("state.optimizer.t", std::to_string(s.t), {DL_TRANSLATE_NOOP("dl", "must be >= %1"), {"0"}});
  std::vector<const Vector*> source(m_buffers.size(), nullptr);
  for (const auto& [name, values] : s.buffers) {
    std::size_t i = 0;
    while (i < m_buffers.size() && m_buffers[i].first != name) ++i;
    if (i == m_buffers.size())
      throw ConfigError("state.optimizer.buffers", name,
                        {DL_TRANSLATE_NOOP("dl", "not a state buffer of %1 (expected: %2)"), {this->name(), expected}});
    if (source[i]) throw ConfigError("state.optimizer.buffers", name, DL_TRANSLATE_NOOP("dl", "buffer given twice"));
    if (values.size() != m_n)
      throw ConfigError("state.optimizer.buffers." + name, std::to_string(values.size()) + " values",
                        {DL_TRANSLATE_NOOP("dl", "expected %1 values, one per parameter"), {std::to_string(m_n)}});
    if (!values.allFinite())
      throw ConfigError("state.optimizer.buffers." + name, "NaN/Inf", DL_TRANSLATE_NOOP("dl", "must be finite"));
    if (m_signs[i] == Sign::NonNegative && values.size() > 0 && values.minCoeff() < 0)
      throw ConfigError("state.optimizer.buffers." + name, formatValue(static_cast<double>(values.minCoeff())),
                        {DL_TRANSLATE_NOOP("dl", "must be finite and >= %1"), {"0"}});
    source[i] = &values;
  }
  for (std::size_t i = 0; i < m_buffers.size(); ++i)
    if (!source[i])
      throw ConfigError("state.optimizer.buffers", m_buffers[i].first,
                        {DL_TRANSLATE_NOOP("dl", "buffer missing from the state of %1"), {name()}});

  for (std::size_t i = 0; i < m_buffers.size(); ++i) *m_buffers[i].second = *source[i];
  m_t = s.t;
}

}  // namespace dl
