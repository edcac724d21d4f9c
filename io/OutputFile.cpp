// OutputFile: QSaveFile for regular files, in-place writing for devices; errors kept until commit.
#include "io/OutputFile.h"

#include "io/ErrorText.h"
#include "io/ExperimentIo.h"

#include <QDir>
#include <QFileInfo>

#include <sys/stat.h>

namespace dlio {

namespace {

// The target exists and is not a regular file or a folder: a device, FIFO or socket.
bool isSpecialFile(const QString& path) {
  struct stat st {};
  if (::stat(QFile::encodeName(path).constData(), &st) != 0) return false;
  return !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

}  // namespace

OutputFile::~OutputFile() { cancel(); }

QString OutputFile::failure(const QString& reason) const {
  return fillTemplate(ErrorText::tr("%1: cannot be written: %2"), {m_path, reason});
}

bool OutputFile::open(const QString& path, QString* error) {
  cancel();
  m_path = path;
  m_writeError.clear();
  const QFileInfo info(path);
  if (path.isEmpty()) {
    *error = ErrorText::tr("the output file name is empty");
    return false;
  }
  if (info.isDir()) {
    *error = fillTemplate(ErrorText::tr("%1: is a folder, not a file"), {path});
    return false;
  }
  const QFileInfo folder(info.absolutePath());
  if (!folder.isDir()) {
    *error = fillTemplate(ErrorText::tr("%1: cannot be written: the folder %2 does not exist"),
                          {path, QDir::toNativeSeparators(info.absolutePath())});
    return false;
  }
  if (isSpecialFile(path)) {
    m_direct = std::make_unique<QFile>(path);
    if (!m_direct->open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
      *error = failure(m_direct->errorString());
      m_direct.reset();
      return false;
    }
    return true;
  }
  m_save = std::make_unique<QSaveFile>(path);
  if (!m_save->open(QIODevice::WriteOnly)) {
    *error = failure(m_save->errorString());
    m_save.reset();
    return false;
  }
  return true;
}

void OutputFile::write(const QByteArray& bytes) {
  if (!m_writeError.isEmpty() || bytes.isEmpty()) return;
  QFileDevice* d = m_save ? static_cast<QFileDevice*>(m_save.get()) : m_direct.get();
  if (!d) return;
  if (d->write(bytes) != bytes.size()) m_writeError = d->errorString();
}

bool OutputFile::commit(QString* error) {
  if (m_direct) {
    const bool ok = m_writeError.isEmpty() && m_direct->flush() && m_direct->error() == QFileDevice::NoError;
    const QString why = !m_writeError.isEmpty() ? m_writeError : m_direct->errorString();
    m_direct->close();
    m_direct.reset();
    if (!ok) *error = failure(why);
    return ok;
  }
  if (!m_save) {
    *error = failure(ErrorText::tr("the file is not open"));
    return false;
  }
  if (!m_writeError.isEmpty()) {
    *error = failure(m_writeError);
    cancel();
    return false;
  }
  const bool ok = m_save->commit();  // flushes, syncs and renames; on failure removes the temporary
  if (!ok) *error = failure(m_save->errorString());
  m_save.reset();
  return ok;
}

void OutputFile::cancel() {
  if (m_save) m_save->cancelWriting();
  m_save.reset();
  m_direct.reset();
}

void writeFileAtomically(const QString& path, const QByteArray& bytes) {
  OutputFile out;
  QString error;
  if (!out.open(path, &error)) throw IoError(error);
  out.write(bytes);
  if (!out.commit(&error)) throw IoError(error);
}

bool sameFile(const QString& a, const QString& b) {
  struct stat sa {
  }, sb{};
  if (::stat(QFile::encodeName(a).constData(), &sa) == 0 && ::stat(QFile::encodeName(b).constData(), &sb) == 0)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  return QFileInfo(a).absoluteFilePath() == QFileInfo(b).absoluteFilePath();
}

}  // namespace dlio
