// Engine errors in the interface language: the engine's messages are English templates marked
// with DL_TRANSLATE_NOOP (context "dl"); these functions look them up in the installed
// translators and fill in the arguments. Without a translator (the CLI) the text is English and
// equals the exception's what().
#pragma once

#include "core/Error.h"

#include <QCoreApplication>
#include <QString>

#include <exception>

namespace dlio {

class ErrorText {
  Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
  static QString message(const dl::Message& m);
  static QString location(const dl::DataLocation& where);
  static QString of(const dl::ConfigError& e);
  static QString of(const dl::DataError& e);
  // ConfigError and DataError (IoError too) in the interface language; any other exception's what().
  static QString of(const std::exception& e);
};

// Replaces "%1".."%9" of `text` by args in one pass (dl::fillTemplate on the UTF-8 text).
QString fillTemplate(const QString& text, const QStringList& args);

}  // namespace dlio
