package org.optline.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherTest {

    private static final Path HOME = Path.of("/opt/optline");

    private static String after(List<String> arguments, String option) {
        int index = arguments.indexOf(option);
        assertThat(index).as("%s in %s", option, arguments).isNotNegative().isLessThan(arguments.size() - 1);
        return arguments.get(index + 1);
    }

    @Test
    void singleInstanceGridListensOnLoopback() {
        List<String> arguments = Launcher.payaraArguments(Settings.from(Map.of(), HOME));

        assertThat(arguments).doesNotContain("--nocluster");
        assertThat(after(arguments, "--clustermode")).isEqualTo("tcpip:127.0.0.1:6900");
        assertThat(after(arguments, "--interfaces")).isEqualTo("127.0.0.1");
        assertThat(after(arguments, "--clustername")).matches("optline-[0-9a-f]{16}");
        assertThat(arguments).contains("--disablephonehome");
    }

    @Test
    void singleInstanceClusterNameDiffers() {
        String first = after(Launcher.payaraArguments(Settings.from(Map.of(), HOME)), "--clustername");
        String second = after(Launcher.payaraArguments(Settings.from(Map.of(), HOME)), "--clustername");

        assertThat(first).isNotEqualTo(second);
        assertThat(first).isNotEqualTo("development");
    }

    @Test
    void clusterMembersKeepTheirMode() {
        List<String> arguments = Launcher.payaraArguments(Settings.from(
                Map.of("OPTLINE_CLUSTER_MEMBERS", "10.0.0.1:6900,10.0.0.2:6900"), HOME));

        assertThat(after(arguments, "--clustermode")).isEqualTo("tcpip:10.0.0.1:6900,10.0.0.2:6900");
        assertThat(arguments).doesNotContain("--nocluster", "--interfaces", "--clustername");
    }
}
