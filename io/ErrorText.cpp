// Translation of the engine's error messages (see ErrorText.h).
#include "io/ErrorText.h"

#include "io/ExperimentIo.h"

#include <string>
#include <vector>

namespace dlio {

QString fillTemplate(const QString& text, const QStringList& args) {
  // "%1".."%9" are ASCII, so substituting in UTF-8 is exact: the engine's one-pass fill serves.
  std::vector<std::string> utf8;
  utf8.reserve(static_cast<std::size_t>(args.size()));
  for (const QString& a : args) utf8.push_back(a.toStdString());
  return QString::fromStdString(dl::fillTemplate(text.toStdString(), utf8));
}

QString ErrorText::message(const dl::Message& m) {
  return QString::fromStdString(dl::fillTemplate(QCoreApplication::translate("dl", m.text).toStdString(), m.args));
}

QString ErrorText::location(const dl::DataLocation& where) {
  QStringList parts;
  if (where.line > 0) parts << tr("line %1").arg(where.line);
  if (where.column > 0) parts << tr("column %1").arg(where.column);
  const QString position = parts.join(tr(", "));
  const QString file = QString::fromStdString(dl::printable(where.file, 1000));
  if (file.isEmpty()) return position;
  return position.isEmpty() ? file : fillTemplate(tr("%1: %2"), {file, position});
}

QString ErrorText::of(const dl::ConfigError& e) {
  return fillTemplate(tr("field '%1' has bad value '%2': %3"),
                      {QString::fromStdString(e.field()), QString::fromStdString(e.value()), message(e.reason())});
}

QString ErrorText::of(const dl::DataError& e) {
  const QString where = location(e.where());
  return where.isEmpty() ? message(e.reason()) : fillTemplate(tr("%1: %2"), {where, message(e.reason())});
}

QString ErrorText::of(const std::exception& e) {
  if (const auto* c = dynamic_cast<const dl::ConfigError*>(&e)) return of(*c);
  if (const auto* d = dynamic_cast<const dl::DataError*>(&e)) return of(*d);
  if (const auto* io = dynamic_cast<const IoError*>(&e)) return io->message();
  return QString::fromStdString(e.what());
}

}  // namespace dlio
