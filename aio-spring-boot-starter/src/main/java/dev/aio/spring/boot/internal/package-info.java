/**
 * How the auto-configuration builds each component from its properties, and the health
 * indicators; not API, it may change in any release.
 */
package dev.aio.spring.boot.internal;
