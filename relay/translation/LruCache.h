#pragma once

#include <QHash>
#include <list>
#include <utility>

namespace medtranslate::relay {

//! A bounded map that forgets the least recently used entry first. Not thread-safe: the
//! translation cache touches it only on the relay's thread.
template <typename Key, typename Value> class LruCache
{
public:
    explicit LruCache(int capacity) : m_capacity(capacity) {}

    //! The value for `key`, now the most recently used; nullptr when absent.
    Value *find(const Key &key)
    {
        const auto it = m_index.find(key);
        if (it == m_index.end())
            return nullptr;
        m_items.splice(m_items.begin(), m_items, *it);
        return &m_items.front().second;
    }

    void insert(const Key &key, Value value)
    {
        if (m_capacity <= 0)
            return;
        if (Value *existing = find(key)) {
            *existing = std::move(value);
            return;
        }
        m_items.emplace_front(key, std::move(value));
        m_index.insert(key, m_items.begin());
        if (int(m_items.size()) > m_capacity) {
            m_index.remove(m_items.back().first);
            m_items.pop_back();
        }
    }

    void remove(const Key &key)
    {
        const auto it = m_index.find(key);
        if (it == m_index.end())
            return;
        m_items.erase(*it);
        m_index.erase(it);
    }

    [[nodiscard]] int size() const { return int(m_items.size()); }
    [[nodiscard]] int capacity() const { return m_capacity; }

private:
    using Items = std::list<std::pair<Key, Value>>;
    int m_capacity;
    Items m_items;
    QHash<Key, typename Items::iterator> m_index;
};

} // namespace medtranslate::relay
