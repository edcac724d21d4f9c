// Display names of engine ids (see DisplayNames.h). QT_TRANSLATE_NOOP marks them for lupdate.
#include "widgets/DisplayNames.h"

#include <QHash>

#include <QCoreApplication>

#include <cstring>

namespace dlui {

namespace {
struct Entry {
  NameKind kind;
  const char* id;
  const char* text;
};

constexpr Entry kNames[] = {
    {NameKind::Source, "circle", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Circle")},
    {NameKind::Source, "xor", QT_TRANSLATE_NOOP("dlui::DisplayNames", "XOR")},
    {NameKind::Source, "blobs", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Gaussian blobs")},
    {NameKind::Source, "spiral", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Spiral")},
    {NameKind::Source, "moons", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Two moons")},
    {NameKind::Source, "linear", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Linear split")},
    {NameKind::Source, "checkerboard", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Checkerboard")},
    {NameKind::Source, "plane", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Plane (regression)")},
    {NameKind::Source, "ripple", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Ripple (regression)")},
    {NameKind::Source, "ill_conditioned", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Ill-conditioned (regression)")},
    {NameKind::Source, "correlated", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Correlated inputs (regression)")},
    {NameKind::Source, "csv", QT_TRANSLATE_NOOP("dlui::DisplayNames", "CSV file…")},
    {NameKind::Activation, "linear", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Linear")},
    {NameKind::Activation, "sigmoid", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Sigmoid")},
    {NameKind::Activation, "tanh", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Tanh")},
    {NameKind::Activation, "relu", QT_TRANSLATE_NOOP("dlui::DisplayNames", "ReLU")},
    {NameKind::Activation, "leaky_relu", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Leaky ReLU")},
    {NameKind::Activation, "prelu", QT_TRANSLATE_NOOP("dlui::DisplayNames", "PReLU")},
    {NameKind::Activation, "elu", QT_TRANSLATE_NOOP("dlui::DisplayNames", "ELU")},
    {NameKind::Activation, "selu", QT_TRANSLATE_NOOP("dlui::DisplayNames", "SELU")},
    {NameKind::Activation, "maxout", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Maxout")},
    {NameKind::Initializer, "zeros", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Zeros")},
    {NameKind::Initializer, "constant", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Constant")},
    {NameKind::Initializer, "normal", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Normal (σ)")},
    {NameKind::Initializer, "uniform", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Uniform (±limit)")},
    {NameKind::Initializer, "xavier_uniform", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Xavier uniform")},
    {NameKind::Initializer, "xavier_normal", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Xavier normal")},
    {NameKind::Initializer, "he_normal", QT_TRANSLATE_NOOP("dlui::DisplayNames", "He normal")},
    {NameKind::Initializer, "he_uniform", QT_TRANSLATE_NOOP("dlui::DisplayNames", "He uniform")},
    {NameKind::Initializer, "lecun_normal", QT_TRANSLATE_NOOP("dlui::DisplayNames", "LeCun normal")},
    {NameKind::Initializer, "orthogonal", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Orthogonal")},
    {NameKind::Optimizer, "sgd", QT_TRANSLATE_NOOP("dlui::DisplayNames", "SGD")},
    {NameKind::Optimizer, "momentum", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Momentum")},
    {NameKind::Optimizer, "nesterov", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Nesterov")},
    {NameKind::Optimizer, "adagrad", QT_TRANSLATE_NOOP("dlui::DisplayNames", "AdaGrad")},
    {NameKind::Optimizer, "rmsprop", QT_TRANSLATE_NOOP("dlui::DisplayNames", "RMSprop")},
    {NameKind::Optimizer, "adadelta", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Adadelta")},
    {NameKind::Optimizer, "adam", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Adam")},
    {NameKind::Schedule, "constant", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Constant")},
    {NameKind::Schedule, "inverse_time", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Inverse time")},
    {NameKind::Schedule, "exponential", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Exponential")},
    {NameKind::Schedule, "inverse_sqrt", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Inverse square root")},
    {NameKind::Schedule, "step", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Step")},
    {NameKind::Schedule, "plateau", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Reduce on plateau")},
    {NameKind::Resample, "none", QT_TRANSLATE_NOOP("dlui::DisplayNames", "None")},
    {NameKind::Resample, "oversample", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Random over-sampling")},
    {NameKind::Resample, "undersample", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Random under-sampling")},
    {NameKind::Resample, "smote", QT_TRANSLATE_NOOP("dlui::DisplayNames", "SMOTE")},
    {NameKind::Loss, "auto", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Automatic")},
    {NameKind::Loss, "softmax_ce", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Cross-entropy")},
    {NameKind::Loss, "sigmoid_bce", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Binary cross-entropy")},
    {NameKind::Loss, "sigmoid_mse", QT_TRANSLATE_NOOP("dlui::DisplayNames", "MSE on a sigmoid")},
    {NameKind::Loss, "mse", QT_TRANSLATE_NOOP("dlui::DisplayNames", "Mean squared error")},
    {NameKind::Quantity, "loss", QT_TRANSLATE_NOOP("dlui::DisplayNames", "loss")},
    {NameKind::Quantity, "activations", QT_TRANSLATE_NOOP("dlui::DisplayNames", "activations")},
    {NameKind::Quantity, "gradient", QT_TRANSLATE_NOOP("dlui::DisplayNames", "gradient")},
    {NameKind::Quantity, "weights", QT_TRANSLATE_NOOP("dlui::DisplayNames", "weights")},
};
}  // namespace

QString displayName(NameKind kind, const std::string& id) {
  for (const Entry& e : kNames)
    if (e.kind == kind && id == e.id) return QCoreApplication::translate("dlui::DisplayNames", e.text);
  return QString::fromStdString(id);
}

QString inputDisplayName(const QString& id) {
  static const QHash<QString, QString> names = {
      {QStringLiteral("x1"), QStringLiteral("x₁")},          {QStringLiteral("x2"), QStringLiteral("x₂")},
      {QStringLiteral("x1^2"), QStringLiteral("x₁²")},       {QStringLiteral("x2^2"), QStringLiteral("x₂²")},
      {QStringLiteral("x1x2"), QStringLiteral("x₁x₂")},      {QStringLiteral("sin_x1"), QStringLiteral("sin x₁")},
      {QStringLiteral("sin_x2"), QStringLiteral("sin x₂")},
  };
  return names.value(id, id);
}

}  // namespace dlui
