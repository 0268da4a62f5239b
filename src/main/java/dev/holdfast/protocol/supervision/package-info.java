/**
 * The supervision API (docs/protocol.md, "Supervision"): the live board of conversations, the
 * agents' health, staleness, the guarded bulk close with preview and undo, bulk reassign, and the
 * audit log. Only supervisors and admins may call it; the platform answers FORBIDDEN otherwise.
 */
package dev.holdfast.protocol.supervision;
