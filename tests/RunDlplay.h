// The dlplay program run as a user runs it, for the command-line tests: exit code, standard output
// and standard error.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

inline const QString kDlplay = QStringLiteral(DLPLAY_BINARY_DIR "/app/dlplay");

struct Run {
  int code = -1;
  QString out, err;
};

inline Run dlplay(const QStringList& args, int timeoutMs = 120000) {
  QProcess p;
  p.start(kDlplay, args);
  p.waitForFinished(timeoutMs);
  return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}
