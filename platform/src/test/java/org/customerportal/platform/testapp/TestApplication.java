package org.customerportal.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small service built on the platform, as the real ones are. */
@SpringBootApplication
public class TestApplication {

}
