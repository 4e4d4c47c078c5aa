package org.customerportal.gateway;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventLoopThreadsTest {

	private final Properties system = new Properties();

	@Test
	void onePerProcessorByDefault() {
		EventLoopThreads.configure(Map.of(), system, 2);

		assertThat(system.getProperty("reactor.netty.ioWorkerCount")).isEqualTo("2");
	}

	@Test
	void atLeastOne() {
		EventLoopThreads.configure(Map.of(), system, 0);

		assertThat(system.getProperty("reactor.netty.ioWorkerCount")).isEqualTo("1");
	}

	@Test
	void theEnvironmentVariableSetsTheCount() {
		EventLoopThreads.configure(Map.of("GATEWAY_IO_THREADS", " 6 "), system, 2);

		assertThat(system.getProperty("reactor.netty.ioWorkerCount")).isEqualTo("6");
	}

	@Test
	void anExplicitReactorNettySettingWins() {
		system.setProperty("reactor.netty.ioWorkerCount", "8");

		EventLoopThreads.configure(Map.of("GATEWAY_IO_THREADS", "3"), system, 2);

		assertThat(system.getProperty("reactor.netty.ioWorkerCount")).isEqualTo("8");
	}

	@Test
	void aCountThatIsNoPositiveNumberStopsTheStartWithAClearMessage() {
		for (String bad : new String[] { "0", "-1", "four", "2.5" }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> EventLoopThreads.configure(Map.of("GATEWAY_IO_THREADS", bad), new Properties(), 2))
				.withMessage("GATEWAY_IO_THREADS must be a whole number of threads, at least 1; it is '" + bad + "'");
		}
	}

}
