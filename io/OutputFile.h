// Output files that are never left half-written: a new or regular file is written to a temporary
// file beside it and renamed over it on commit (QSaveFile); an existing device, FIFO or socket
// (/dev/stdout, /dev/full) cannot be replaced by a rename, so it is written in place. Every write
// error — a full disk, /dev/full, a folder that vanished — is kept and reported by commit().
#pragma once

#include <QFile>
#include <QSaveFile>
#include <QString>

#include <memory>

namespace dlio {

class OutputFile {
public:
  OutputFile() = default;
  ~OutputFile();  // an uncommitted file is discarded: the target stays as it was
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Opens `path` for writing. Fails (and returns the reason, one line: "<path>: ...") when its
  // folder is missing or not writable, when it is a folder, or when a device cannot be opened.
  // Opening is the check that the output can be written, done before any work that fills it.
  bool open(const QString& path, QString* error);
  // Writes bytes; a failure is remembered and reported by commit().
  void write(const QByteArray& bytes);
  // Flushes and makes the file appear under its name. On failure the target is unchanged (or, for
  // a device, holds what it took) and `error` says why.
  bool commit(QString* error);
  void cancel();
  const QString& path() const { return m_path; }

private:
  QString failure(const QString& reason) const;

  QString m_path;
  std::unique_ptr<QSaveFile> m_save;
  std::unique_ptr<QFile> m_direct;
  QString m_writeError;
};

// Writes `bytes` to `path` atomically (an OutputFile opened, written and committed). Throws
// IoError naming the file and the reason.
void writeFileAtomically(const QString& path, const QByteArray& bytes);

// The same file, by identity (device and inode) when both exist, else by canonical path.
bool sameFile(const QString& a, const QString& b);

}  // namespace dlio
