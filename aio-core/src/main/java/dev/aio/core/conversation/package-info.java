/**
 * Conversation memory kept in an object store: {@link dev.aio.core.conversation.ConversationStore}
 * appends, loads and windows the messages of each conversation, safely under concurrent appends.
 */
package dev.aio.core.conversation;
