// Translation of the engine's error messages (see ErrorText.h).
#include "io/ErrorText.h"

#include "io/ExperimentIo.h"

namespace dlio {

QString fillTemplate(const QString& text, const QStringList& args) {
  QString out;
  out.reserve(text.size() + 16);
  for (qsizetype i = 0; i < text.size(); ++i) {
    const QChar c = text.at(i);
    if (c == u'%' && i + 1 < text.size() && text.at(i + 1) >= u'1' && text.at(i + 1) <= u'9') {
      const qsizetype k = text.at(i + 1).unicode() - u'1';
      if (k < args.size()) {
        out += args.at(k);
        ++i;
        continue;
      }
    }
    out += c;
  }
  return out;
}

QString ErrorText::message(const dl::Message& m) {
  QStringList args;
  args.reserve(static_cast<qsizetype>(m.args.size()));
  for (const std::string& a : m.args) args << QString::fromStdString(a);
  return fillTemplate(QCoreApplication::translate("dl", m.text), args);
}

QString ErrorText::location(const dl::DataLocation& where) {
  QStringList parts;
  if (where.line > 0) parts << tr("line %1").arg(where.line);
  if (where.column > 0) parts << tr("column %1").arg(where.column);
  const QString position = parts.join(tr(", "));
  const QString file = QString::fromStdString(where.file);
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
