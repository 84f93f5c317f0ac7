@NullMarked
package io.channelops.platform.web;

import org.jspecify.annotations.NullMarked;
