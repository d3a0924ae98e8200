#pragma once

#include "medtranslate/protocol/HttpBodies.h"

#include <QAbstractTableModel>
#include <functional>
#include <vector>

namespace medtranslate::console {

//! The consultations a search found (`GET /api/consultations`), a row each, newest first;
//! pages are appended as they arrive.
class PastConsultationModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Opened, Language, Counselor, Status, Messages, Match, ColumnCount };
    enum Roles {
        RoomIdRole = Qt::UserRole + 1,
        OriginalRole,    //!< the matching message's text (cut around the words)
        TranslationRole, //!< its translation
    };

    explicit PastConsultationModel(QObject *parent = nullptr);

    //! How a language code is shown ("vi" → 베트남어); the UI layer knows the names.
    void setLanguageNames(std::function<QString(const QString &)> names);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    void clear();
    void append(std::vector<protocol::http::ConsultationSummary> page);
    [[nodiscard]] const protocol::http::ConsultationSummary &at(int row) const
    {
        return m_rows[std::size_t(row)];
    }

    //! The time as the counselor reads it: local, to the minute.
    [[nodiscard]] static QString localTime(const std::string &isoUtc);

private:
    [[nodiscard]] QString statusText(protocol::RoomStatus status) const;

    std::vector<protocol::http::ConsultationSummary> m_rows;
    std::function<QString(const QString &)> m_languageNames;
};

} // namespace medtranslate::console
