/** drivers/i2c: transfers that sleep holding the adapter's bus lock. */
package dev.whylock.linux.drivers.i2c;
